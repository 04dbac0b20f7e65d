// Moves each complete window (2 tag bytes, then IL input bytes) from the FIFO into the first layer's input buffer,
// one byte per cycle, tagging it with the model bank active at that moment: windows fed after a commit use the new
// model, windows already in the pipeline finish with the old one.
`default_nettype none
module window_feeder #(
    parameter integer IL = 40,
    parameter integer AW = 9
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [AW:0]   fifo_count,
    output wire          fifo_rd,
    input  wire [7:0]    fifo_data,
    input  wire          active_bank,
    input  wire          l0_ready,
    output reg           l0_we,
    output reg  [7:0]    l0_data,
    output reg           l0_last,
    output reg  [15:0]   l0_tag,
    output reg           l0_bank,
    output reg           fed                   // pulse: one window entered the pipeline (bank l0_bank)
);
    localparam integer N = IL + 2;
    reg        busy;
    reg [15:0] idx;            // byte being read: 0, 1 = tag, 2.. = inputs
    reg        pending;        // a read is in flight: its data arrives this cycle
    reg [15:0] pidx;
    reg        bank;
    assign fifo_rd = busy && idx < N[15:0];

    always @(posedge clk) begin
        l0_we <= 1'b0;
        l0_last <= 1'b0;
        fed <= 1'b0;
        if (rst) begin
            busy <= 1'b0;
            pending <= 1'b0;
            idx <= 16'd0;
        end else begin
            if (!busy && !l0_last && l0_ready && fifo_count >= N[AW:0]) begin  // !l0_last: let layer 0 switch banks first
                busy <= 1'b1;
                idx  <= 16'd0;
                bank <= active_bank;
            end
            pending <= fifo_rd;
            pidx <= idx;
            if (fifo_rd) idx <= idx + 16'd1;
            if (pending) begin
                if (pidx == 16'd0) l0_tag[15:8] <= fifo_data;
                else if (pidx == 16'd1) l0_tag[7:0] <= fifo_data;
                else begin
                    l0_we   <= 1'b1;
                    l0_data <= fifo_data;
                    l0_bank <= bank;
                    if (pidx == N[15:0] - 16'd1) begin
                        l0_last <= 1'b1;
                        fed  <= 1'b1;
                        busy <= 1'b0;
                    end
                end
            end
        end
    end
endmodule
`default_nettype wire
