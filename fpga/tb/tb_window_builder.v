// window_builder: frame records taken from the FIFO become windows of the last N records, oldest first, rows before
// the first frame since reset zero, each tagged with its frame's number and the bank active when it started, fed as
// the first layer is ready; a reset starts the window and the tags again. Random records, random readiness.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    `include "link_protocol.vh"
    localparam integer N = 4, AW = 8, R = FRAME_RECORD_LENGTH;
    reg          rst = 1, active_bank = 0, l0_ready = 1;
    reg  [7:0]   fifo_data = 0;
    wire         fifo_rd, l0_we, l0_last, l0_bank, fed;
    wire [7:0]   l0_data;
    wire [15:0]  l0_tag;
    reg  [7:0]   q [0:65535];
    integer      qh = 0, qt = 0;
    wire [AW:0]  fifo_count = qt - qh;
    window_builder #(.N(N), .AW(AW)) dut (.clk(clk), .rst(rst), .fifo_count(fifo_count), .fifo_rd(fifo_rd), .fifo_data(fifo_data),
        .active_bank(active_bank), .l0_ready(l0_ready), .l0_we(l0_we), .l0_data(l0_data), .l0_last(l0_last), .l0_tag(l0_tag),
        .l0_bank(l0_bank), .fed(fed));

    reg [7:0] rec [0:4095][0:R-1];             // records since the last reset
    integer   frames = 0, windows = 0, got = 0, k, j, row;
    reg [7:0] win [0:N*R-1];
    reg [7:0] want;

    always @(posedge clk) begin
        if (fifo_rd) begin fifo_data <= q[qh]; qh <= qh + 1; end
        if (l0_we) begin
            win[got] = l0_data;
            got = got + 1;
            if (l0_last) begin
                if (got != N * R || l0_tag !== windows[15:0]) begin $display("FAIL window_builder: window %0d has %0d bytes, tag %0d", windows, got, l0_tag); $fatal(1); end
                for (row = 0; row < N; row = row + 1) for (j = 0; j < R; j = j + 1) begin
                    k = windows - (N - 1) + row;       // the record in this row: oldest first
                    want = k < 0 ? 8'd0 : rec[k][j];
                    if (win[row * R + j] !== want) begin $display("FAIL window_builder: window %0d row %0d byte %0d is %h, expected %h", windows, row, j, win[row * R + j], want); $fatal(1); end
                end
                if (l0_bank !== windows[0]) begin $display("FAIL window_builder: window %0d bank %0d", windows, l0_bank); $fatal(1); end
                windows = windows + 1;
                got = 0;
            end
        end
    end

    integer i, f, total;
    initial begin
        total = 0;
        for (i = 0; i < 3; i = i + 1) begin
            rst = 1; frames = 0; windows = 0; got = 0; qh = 0; qt = 0;
            repeat (2) @(posedge clk); #1 rst = 0;
            for (f = 0; f < 400; f = f + 1) begin
                for (j = 0; j < R; j = j + 1) begin rec[f][j] = $urandom; q[qt + j] = rec[f][j]; end
                // The bank flips with each frame; the window must carry the bank of its start (set before the bytes come).
                active_bank = f[0];
                qt = qt + R;
                frames = frames + 1;
                while (windows < frames) begin
                    l0_ready = ($urandom % 4) != 0;
                    @(posedge clk); #1;
                end
            end
            total = total + windows;
        end
        $display("PASS window_builder: %0d windows over three resets", total);
        $finish;
    end
endmodule
`default_nettype wire
