// window_fifo: bytes written tentatively become readable only on commit, a rollback drops them, free and count
// follow, and reads return the bytes in order. Random operations against a model queue.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    localparam integer AW = 4, N = 1 << AW;
    reg        rst = 1, wr_en = 0, commit = 0, rollback = 0, rd_en = 0;
    reg  [7:0] wr_data = 0;
    wire [AW:0] free, count;
    wire [7:0] rd_data;
    window_fifo #(.AW(AW)) dut (.clk(clk), .rst(rst), .wr_en(wr_en), .wr_data(wr_data), .commit(commit), .rollback(rollback),
        .free(free), .count(count), .rd_en(rd_en), .rd_data(rd_data));

    reg [7:0] q [0:1023];
    integer head, done, tent, i, reads, op;
    reg [7:0] expect_b;
    reg       check;
    initial begin
        head = 0; done = 0; tent = 0; reads = 0; check = 0;
        @(posedge clk); #1 rst = 0;
        for (i = 0; i < 5000; i = i + 1) begin
            wr_en = 0; commit = 0; rollback = 0; rd_en = 0;
            op = $urandom % 4;                       // not in the case expression: Verilator evaluates it per item
            case (op)
                0, 1: if (tent - head < N) begin wr_en = 1; wr_data = $urandom; end
                2: if ($urandom % 4 == 0) rollback = 1; else commit = 1;
                3: if (done > head) rd_en = 1;
            endcase
            check = rd_en;
            if (rd_en) expect_b = q[head % 1024];
            @(posedge clk); #1;
            if (wr_en) begin q[tent % 1024] = wr_data; tent = tent + 1; end
            if (rollback) tent = done;
            if (commit) done = tent;
            if (check) begin
                head = head + 1;
                reads = reads + 1;
                if (rd_data !== expect_b) begin $display("FAIL window_fifo: read %h, expected %h", rd_data, expect_b); $fatal(1); end
            end
            if (count !== done - head || free !== N - (tent - head)) begin
                $display("FAIL window_fifo: count %0d free %0d, expected %0d %0d", count, free, done - head, N - (tent - head));
                $fatal(1);
            end
        end
        $display("PASS window_fifo: %0d bytes read", reads);
        $finish;
    end
endmodule
`default_nettype wire
