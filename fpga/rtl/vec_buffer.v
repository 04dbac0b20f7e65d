// An MVAU's input buffer: two banks of one input vector (MW elements of IB bits). The producer writes IN_PAR
// elements per cycle in element order; the MVAU reads SIMD elements per cycle, fold by fold. Stored as SIMD / IN_PAR
// narrow memories (one per group of lanes), each 2 x SF words deep, so it maps to a few LUT RAMs instead of
// MW x IB flip-flops with their write decoders and read multiplexers.
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
    output wire [SIMD*IB-1:0]    rd_data        // the fold read at rd_en, one cycle later
);
    localparam integer SF = MW / SIMD;
    localparam integer GROUPS = SIMD / IN_PAR;
    localparam integer FW = $clog2(SF > 1 ? SF : 2);
    localparam integer GW = $clog2(GROUPS > 1 ? GROUPS : 2);

    // Write position: group within the fold, and fold; both wrap with the vector.
    reg [GW-1:0] wgroup;
    reg [FW-1:0] wfold;
    always @(posedge clk) begin
        if (rst) begin
            wgroup <= {GW{1'b0}};
            wfold  <= {FW{1'b0}};
        end else if (wr_en) begin
            if (wgroup == GROUPS[GW-1:0] - 1'b1 || GROUPS == 1) begin
                wgroup <= {GW{1'b0}};
                wfold  <= (wfold == SF[FW-1:0] - 1'b1 || SF == 1) ? {FW{1'b0}} : wfold + 1'b1;
            end else begin
                wgroup <= wgroup + 1'b1;
            end
        end
    end

    genvar g;
    generate
        for (g = 0; g < GROUPS; g = g + 1) begin : lane
            reg [IN_PAR*IB-1:0] mem [0:2*(1<<FW)-1];
            reg [IN_PAR*IB-1:0] q;
            always @(posedge clk) begin
                if (wr_en && (wgroup == g[GW-1:0] || GROUPS == 1)) mem[{wr_bank, wfold}] <= wr_data;
                if (rd_en) q <= mem[{rd_bank, rd_fold}];
            end
            assign rd_data[g*IN_PAR*IB +: IN_PAR*IB] = q;
        end
    endgenerate
endmodule
`default_nettype wire
