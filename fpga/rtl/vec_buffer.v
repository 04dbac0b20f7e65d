// An MVAU's input buffer: two banks of one input vector (MW elements of IB bits). The producer writes IN_PAR
// elements per cycle in element order; the MVAU reads one fold (SIMD elements) per cycle. Writes are gathered in a
// staging register until a fold is complete, then the whole fold is written as one word: one narrow, shallow
// memory (a few LUT RAMs) instead of MW x IB flip-flops with their write decoders and read multiplexers.
`default_nettype none
module vec_buffer #(
    parameter integer MW = 40,
    parameter integer SIMD = 10,
    parameter integer IB = 8,
    parameter integer IN_PAR = 1                // must divide SIMD
) (
    input  wire                  clk,
    input  wire                  rst,
    input  wire                  wr_en,
    input  wire                  wr_bank,
    input  wire [IN_PAR*IB-1:0]  wr_data,
    input  wire                  rd_en,
    input  wire                  rd_bank,
    input  wire [$clog2(MW/SIMD > 1 ? MW/SIMD : 2)-1:0] rd_fold,
    output reg  [SIMD*IB-1:0]    rd_data        // the fold read at rd_en, one cycle later
);
    localparam integer SF = MW / SIMD;
    localparam integer GROUPS = SIMD / IN_PAR;
    localparam integer FW = $clog2(SF > 1 ? SF : 2);
    localparam integer GW = $clog2(GROUPS > 1 ? GROUPS : 2);
    localparam integer W = SIMD * IB;
    localparam integer G = IN_PAR * IB;

    // Write position: group within the fold, and fold; both wrap with the vector.
    reg [GW-1:0] wgroup;
    reg [FW-1:0] wfold;
    wire last_group = wgroup == GROUPS[GW-1:0] - 1'b1 || GROUPS == 1;
    always @(posedge clk) begin
        if (rst) begin
            wgroup <= {GW{1'b0}};
            wfold  <= {FW{1'b0}};
        end else if (wr_en) begin
            if (last_group) begin
                wgroup <= {GW{1'b0}};
                wfold  <= (wfold == SF[FW-1:0] - 1'b1 || SF == 1) ? {FW{1'b0}} : wfold + 1'b1;
            end else begin
                wgroup <= wgroup + 1'b1;
            end
        end
    end

    // The fold's word: earlier groups from the staging register, the last group straight from the input.
    wire [W-1:0] word;
    generate
        if (GROUPS == 1) begin : g_direct
            assign word = wr_data;
        end else begin : g_staged
            reg [W-G-1:0] stage;
            always @(posedge clk) begin
                if (wr_en && !last_group) stage[wgroup*G +: G] <= wr_data;
            end
            assign word = {wr_data, stage};
        end
    endgenerate

    reg [W-1:0] mem [0:2*(1<<FW)-1];
    always @(posedge clk) begin
        if (wr_en && last_group) mem[{wr_bank, wfold}] <= word;
        if (rd_en) rd_data <= mem[{rd_bank, rd_fold}];
    end
endmodule
`default_nettype wire
