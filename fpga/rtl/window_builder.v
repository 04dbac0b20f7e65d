// The sliding window: the FPGA keeps the last N frame records (docs/input-format.md) and, for every record the MCU
// pushes, feeds the first layer the window it completes (oldest record first, newest last), tagged with the frame's
// number since reset and with the model bank active at that moment. Until N frames have come since reset, the rows
// before the first frame are zero, exactly as the host's FrameWindow defines it.
//
// Per frame: 10 cycles to copy the record from the input FIFO into the history, then N x 10 cycles to feed the window
// byte by byte: far below the first layer's initiation interval.
`default_nettype none
module window_builder #(
    parameter integer N = 4,                   // frames per window
    parameter integer AW = 8                   // input FIFO address bits
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [AW:0]   fifo_count,           // committed bytes waiting
    output wire          fifo_rd,
    input  wire [7:0]    fifo_data,            // valid the cycle after fifo_rd
    input  wire          active_bank,
    input  wire          l0_ready,
    output reg           l0_we,
    output reg  [7:0]    l0_data,
    output reg           l0_last,
    output reg  [15:0]   l0_tag,
    output reg           l0_bank,
    output reg           fed                   // pulse: one frame's window entered the pipeline (bank l0_bank)
);
    `include "link_protocol.vh"

    localparam integer R = FRAME_RECORD_LENGTH;
    localparam integer W = N * R;
    localparam integer HW = $clog2(W > 1 ? W : 2);
    localparam integer NW = $clog2(N + 1);
    localparam [NW:0]  N1 = N[NW:0] - 1'b1;            // the oldest row's age

    reg [7:0]    hist [0:W-1];
    reg [HW-1:0] newest;                       // first byte of the newest record's slot
    reg [NW-1:0] seen;                         // records since reset, saturating at N
    reg [15:0]   tag;

    // copy: the record's R bytes from the FIFO into the slot after the newest
    reg          copying, pending;
    reg [3:0]    ci;                           // byte being read
    reg [HW-1:0] slot, waddr;
    // feed: the window's W bytes from the history, oldest slot first
    reg          feeding, fvalid;
    reg [HW-1:0] row_start, raddr;             // the row being fed, the byte being read
    reg [3:0]    fb;                           // byte within the row
    reg [NW-1:0] row;                          // rows fed so far
    reg          row_zero, fzero;              // the row is older than the first frame since reset
    reg          flast;
    reg          bank;
    reg [7:0]    rdata;

    assign fifo_rd = copying && ci < R[3:0];

    function [HW-1:0] next_slot;
        input [HW-1:0] at;
        begin
            next_slot = (at == W[HW-1:0] - R[HW-1:0]) ? {HW{1'b0}} : at + R[HW-1:0];
        end
    endfunction

    always @(posedge clk) begin
        if (pending) hist[waddr] <= fifo_data;
        rdata <= hist[raddr];
    end

    always @(posedge clk) begin
        l0_we <= 1'b0;
        l0_last <= 1'b0;
        fed <= 1'b0;
        if (rst) begin
            copying <= 1'b0;
            pending <= 1'b0;
            feeding <= 1'b0;
            fvalid <= 1'b0;
            newest <= W[HW-1:0] - R[HW-1:0];
            seen <= {NW{1'b0}};
            tag <= 16'd0;
        end else begin
            // Start on a whole record; !l0_last lets the first layer switch banks first.
            if (!copying && !feeding && !fvalid && !l0_last && l0_ready && fifo_count >= R[AW:0]) begin
                copying <= 1'b1;
                ci <= 4'd0;
                slot <= next_slot(newest);
                bank <= active_bank;
            end
            pending <= fifo_rd;
            waddr <= slot + {{(HW-4){1'b0}}, ci};
            if (fifo_rd) ci <= ci + 4'd1;
            if (copying && !fifo_rd && !pending) begin
                // The record is in: it becomes the newest row; feed from the oldest (the slot after it).
                copying <= 1'b0;
                feeding <= 1'b1;
                newest <= slot;
                if (seen != N[NW-1:0]) seen <= seen + 1'b1;
                row_start <= next_slot(slot);
                raddr <= next_slot(slot);
                fb <= 4'd0;
                row <= {NW{1'b0}};
                // Row r of the window is (N - 1 - r) frames older than this one: zero unless that many came before it.
                row_zero <= N1 >= (seen == N[NW-1:0] ? N[NW:0] : {1'b0, seen} + 1'b1);
            end
            // feeding: one history read a cycle, its byte out the next
            fvalid <= feeding;
            fzero <= row_zero;
            flast <= feeding && row == N[NW-1:0] - 1'b1 && fb == R[3:0] - 4'd1;
            if (feeding) begin
                if (fb == R[3:0] - 4'd1) begin
                    fb <= 4'd0;
                    row <= row + 1'b1;
                    row_start <= next_slot(row_start);
                    raddr <= next_slot(row_start);
                    row_zero <= N1 - {1'b0, row} - 1'b1 >= {1'b0, seen};
                    if (row == N[NW-1:0] - 1'b1) feeding <= 1'b0;
                end else begin
                    fb <= fb + 4'd1;
                    raddr <= raddr + 1'b1;
                end
            end
            if (fvalid) begin
                l0_we <= 1'b1;
                l0_data <= fzero ? 8'd0 : rdata;
                l0_bank <= bank;
                if (flast) begin
                    l0_last <= 1'b1;
                    l0_tag <= tag;
                    tag <= tag + 16'd1;
                    fed <= 1'b1;
                end
            end
        end
    end
endmodule
`default_nettype wire
