// ram_sp: byte-lane writes land in the enabled lanes only, reads return the word one cycle later, in every style the
// design uses (auto, block, distributed). Random operations against a model.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    localparam integer W = 24, D = 64, AW = 6;
    reg  [AW-1:0]  addr;
    reg            we;
    reg  [W/8-1:0] lane_we;
    reg  [7:0]     wdata;
    wire [W-1:0]   r0, r1, r3;
    ram_sp #(.WIDTH(W), .DEPTH(D), .AW(AW), .STYLE(0)) auto_ram (.clk(clk), .addr(addr), .we(we), .lane_we(lane_we), .wdata(wdata), .rdata(r0));
    ram_sp #(.WIDTH(W), .DEPTH(D), .AW(AW), .STYLE(1)) block_ram (.clk(clk), .addr(addr), .we(we), .lane_we(lane_we), .wdata(wdata), .rdata(r1));
    ram_sp #(.WIDTH(W), .DEPTH(D), .AW(AW), .STYLE(3)) dist_ram (.clk(clk), .addr(addr), .we(we), .lane_we(lane_we), .wdata(wdata), .rdata(r3));

    reg [W-1:0] model [0:D-1];
    reg [W-1:0] expect_q;
    reg         check;
    integer i, l, reads;
    initial begin
        for (i = 0; i < D; i = i + 1) model[i] = 0;
        // Every word written in full first, so no read sees an undefined word.
        we = 1; lane_we = {(W/8){1'b1}};
        for (i = 0; i < D; i = i + 1) begin
            addr = i[AW-1:0]; wdata = 0;
            @(posedge clk); #1;
        end
        check = 0; reads = 0;
        for (i = 0; i < 4000; i = i + 1) begin
            addr = $urandom % D;
            we = ($urandom % 3) == 0;
            lane_we = $urandom;
            wdata = $urandom;
            if (we) begin
                for (l = 0; l < W / 8; l = l + 1) if (lane_we[l]) model[addr][l*8 +: 8] = wdata;
            end
            expect_q = model[addr];
            @(posedge clk); #1;
            if (!we) begin
                reads = reads + 1;
                if (r0 !== expect_q || r1 !== expect_q || r3 !== expect_q) begin
                    $display("FAIL ram_sp: word %0d read %h / %h / %h, expected %h", addr, r0, r1, r3, expect_q);
                    $fatal(1);
                end
            end
        end
        $display("PASS ram_sp: %0d reads in three styles", reads);
        $finish;
    end
endmodule
`default_nettype wire
