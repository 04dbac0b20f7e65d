// vec_buffer: a vector written IN_PAR elements at a time into one bank reads back fold by fold (SIMD elements each,
// element s in bits s·IB) from that bank, while the other bank keeps its own vector: for IN_PAR 1 and 2.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    localparam integer MW = 40, SIMD = 10, IB = 8, SF = MW / SIMD;
    reg            rst = 1, we1 = 0, we2 = 0, wr_bank = 0, rd_en = 0, rd_bank = 0;
    reg  [IB-1:0]  d1 = 0;
    reg  [2*IB-1:0] d2 = 0;
    reg  [1:0]     fold = 0;
    wire [SIMD*IB-1:0] r1, r2;
    vec_buffer #(.MW(MW), .SIMD(SIMD), .IB(IB), .IN_PAR(1)) one (.clk(clk), .rst(rst), .wr_en(we1), .wr_bank(wr_bank), .wr_data(d1),
        .rd_en(rd_en), .rd_bank(rd_bank), .rd_fold(fold), .rd_data(r1));
    vec_buffer #(.MW(MW), .SIMD(SIMD), .IB(IB), .IN_PAR(2)) two (.clk(clk), .rst(rst), .wr_en(we2), .wr_bank(wr_bank), .wr_data(d2),
        .rd_en(rd_en), .rd_bank(rd_bank), .rd_fold(fold), .rd_data(r2));

    reg [IB-1:0] vec [0:1][0:MW-1];
    reg [SIMD*IB-1:0] want;
    integer v, b, e, f, s;
    initial begin
        @(posedge clk); #1 rst = 0;
        for (v = 0; v < 300; v = v + 1) begin
            b = v % 2;
            wr_bank = b;
            for (e = 0; e < MW; e = e + 1) vec[b][e] = $urandom;
            for (e = 0; e < MW; e = e + 1) begin
                we1 = 1; d1 = vec[b][e];
                we2 = e % 2 == 0; d2 = {vec[b][e + (e % 2 == 0 ? 1 : 0)], vec[b][e]};
                @(posedge clk); #1;
            end
            we1 = 0; we2 = 0;
            if (v == 0) continue;
            // Both banks, every fold.
            for (s = 0; s < 2; s = s + 1) for (f = 0; f < SF; f = f + 1) begin
                rd_en = 1; rd_bank = s; fold = f;
                @(posedge clk); #1;
                rd_en = 0;
                for (e = 0; e < SIMD; e = e + 1) want[e*IB +: IB] = vec[s][f * SIMD + e];
                if (r1 !== want || r2 !== want) begin
                    $display("FAIL vec_buffer: bank %0d fold %0d read %h / %h, expected %h", s, f, r1, r2, want); $fatal(1);
                end
            end
        end
        $display("PASS vec_buffer: 300 vectors, IN_PAR 1 and 2, both banks");
        $finish;
    end
endmodule
`default_nettype wire
