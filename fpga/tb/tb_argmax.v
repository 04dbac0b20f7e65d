// argmax: the class of a vector is its largest accumulator among the model's classes, the lowest index on a tie,
// recorded with the vector's tag and bank, for one and for two accumulators per write. Random vectors.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    localparam integer C = 8, ACCW = 8;
    reg                rst = 1, we1 = 0, we2 = 0, last1 = 0, last2 = 0, bank = 0;
    reg  [15:0]        addr1 = 0, addr2 = 0, tag = 0;
    reg  [ACCW-1:0]    d1 = 0;
    reg  [2*ACCW-1:0]  d2 = 0;
    reg  [7:0]         classes = C;
    wire               rec1, rec2, rb1, rb2;
    wire [23:0]        r1, r2;
    argmax #(.CLASSES(C), .PE(1), .ACCW(ACCW), .RW(24)) one (.clk(clk), .rst(rst), .in_we(we1), .in_addr(addr1), .in_data(d1),
        .in_last(last1), .in_tag(tag), .in_bank(bank), .classes(classes), .rec_we(rec1), .rec_data(r1), .rec_bank(rb1));
    argmax #(.CLASSES(C), .PE(2), .ACCW(ACCW), .RW(24)) two (.clk(clk), .rst(rst), .in_we(we2), .in_addr(addr2), .in_data(d2),
        .in_last(last2), .in_tag(tag), .in_bank(bank), .classes(classes), .rec_we(rec2), .rec_data(r2), .rec_bank(rb2));

    reg signed [ACCW-1:0] acc [0:C-1];
    integer v, k, best, seen2;
    initial begin
        seen2 = 0;
        @(posedge clk); #1 rst = 0;
        for (v = 0; v < 2000; v = v + 1) begin
            classes = 2 + $urandom % (C - 1);
            tag = $urandom; bank = $urandom;
            for (k = 0; k < C; k = k + 1) acc[k] = (v % 3 == 0) ? $signed(ACCW'($urandom % 4)) - 2 : $signed(ACCW'($urandom)); // ties often
            best = 0;
            for (k = 1; k < C; k = k + 1) if (k < classes && acc[k] > acc[best]) best = k;
            // One accumulator per write, then two: both units see the same vector.
            for (k = 0; k < C; k = k + 1) begin
                we1 = 1; addr1 = k; d1 = acc[k]; last1 = k == C - 1;
                we2 = k < C / 2; addr2 = k; d2 = k < C / 2 ? {acc[2 * k + 1], acc[2 * k]} : 0; last2 = k == C / 2 - 1;
                @(posedge clk); #1;
                if (rec2) begin check(r2, rb2, "PE=2"); seen2 = seen2 + 1; end
            end
            we1 = 0; we2 = 0; last1 = 0; last2 = 0;
            if (!rec1) begin $display("FAIL argmax: no record after the last write"); $fatal(1); end
            check(r1, rb1, "PE=1");
        end
        if (seen2 != 2000) begin $display("FAIL argmax PE=2: %0d records for 2,000 vectors", seen2); $fatal(1); end
        $display("PASS argmax: 2,000 vectors, 2 to %0d classes, PE 1 and 2", C);
        $finish;
    end

    task check(input [23:0] r, input rb, input [8*4-1:0] which);
        begin
            if (r[23:8] !== tag || r[7] !== bank || rb !== bank || r[6:0] !== best[6:0]) begin
                $display("FAIL argmax %0s: record tag %h bank %b class %0d, expected tag %h bank %b class %0d (classes %0d)", which, r[23:8], r[7], r[6:0], tag, bank, best, classes);
                $fatal(1);
            end
        end
    endtask
endmodule
`default_nettype wire
