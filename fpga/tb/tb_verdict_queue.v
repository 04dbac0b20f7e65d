// verdict_queue: verdict records wait until the MCU acknowledges the response that carried them: a transfer snaps
// the queue, reads records from the oldest unreleased one, and reports what its response covered; the next
// transfer's acknowledgement of exactly that response releases them; a lost or wrong acknowledgement releases
// nothing (the same records are sent again), nor does one of a response older than the last release; space and
// waiting follow. Random traffic against a model queue.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    `include "link_protocol.vh"
    localparam integer RW = 24, AW = 4, DEPTH = 1 << AW;
    reg           rst = 1, verdict_we = 0, record_we = 0, snap = 0, sent = 0, ack_en = 0;
    reg  [15:0]   verdict_tag = 0, sent_judged = 0, ack_tag = 0;
    reg  [RW-1:0] record = 0;
    reg  [AW:0]   rd_index = 0, sent_count = 0;
    wire          space, waiting;
    wire [15:0]   snap_judged, acked;
    wire [AW:0]   snap_pending;
    wire [RW-1:0] rd_data;
    verdict_queue #(.RW(RW), .AW(AW)) dut (.clk(clk), .rst(rst), .verdict_we(verdict_we), .verdict_tag(verdict_tag), .record_we(record_we),
        .record(record), .space(space), .waiting(waiting), .snap(snap), .snap_judged(snap_judged), .snap_pending(snap_pending), .acked(acked),
        .rd_index(rd_index), .rd_data(rd_data), .sent(sent), .sent_judged(sent_judged), .sent_count(sent_count), .ack_en(ack_en), .ack_tag(ack_tag));

    reg [RW-1:0] q [0:65535];
    integer head, tail, frame, t, i, n, released, resent, base, resp_end;
    reg [15:0] judged_m, acked_m, resp_judged;
    reg resp_valid;
    task tick; begin @(posedge clk); #1; end endtask

    initial begin
        head = 0; tail = 0; frame = 0; released = 0; resent = 0; resp_valid = 0; resp_end = 0;
        judged_m = NONE_JUDGED[15:0]; acked_m = NONE_JUDGED[15:0];
        tick; rst = 0;
        for (t = 0; t < 1500; t = t + 1) begin
            // Frames judged, some with records (attacks), while there is space.
            n = $urandom % 4;
            for (i = 0; i < n; i = i + 1) if (space) begin
                verdict_we = 1; verdict_tag = frame; judged_m = frame;
                record_we = $urandom % 2; record = {frame[15:0], 8'($urandom)};
                if (record_we) begin q[tail] = record; tail = tail + 1; end
                frame = frame + 1;
                tick;
                verdict_we = 0; record_we = 0;
            end
            // A transfer: the snap at its start (the response is composed from the oldest unreleased record), then
            // the command's acknowledgement of the previous response (sometimes lost or wrong), then the records read.
            snap = 1; tick; snap = 0;
            base = head;
            if (snap_pending !== tail - head) begin $display("FAIL verdict_queue: snap_pending %0d, queue holds %0d", snap_pending, tail - head); $fatal(1); end
            if (snap_judged !== judged_m) begin $display("FAIL verdict_queue: snap_judged %0d, judged %0d", snap_judged, judged_m); $fatal(1); end
            ack_en = resp_valid && ($urandom % 4 != 0);
            ack_tag = ($urandom % 10 == 0) ? resp_judged + 16'd7 : resp_judged;
            tick;
            // A response older than what is already released (composed before the last release) releases nothing.
            if (ack_en && ack_tag == resp_judged && resp_end >= head) begin released = released + (resp_end - head); head = resp_end; acked_m = resp_judged; end
            else if (resp_valid) resent = resent + 1;
            ack_en = 0;
            n = $urandom % 6;
            if (n > tail - base) n = tail - base;
            for (i = 0; i < n; i = i + 1) begin
                rd_index = i; tick;
                if (rd_data !== q[base + i]) begin $display("FAIL verdict_queue: transfer %0d record %0d is %h, expected %h", t, i, rd_data, q[base + i]); $fatal(1); end
            end
            // The response covered every frame before the first record it did not carry (all judged when it carried them all).
            resp_end = base + n;
            resp_judged = n < tail - base ? q[base + n][RW-1 -: 16] - 16'd1 : snap_judged;
            sent = 1; sent_judged = resp_judged; sent_count = n; tick; sent = 0;
            resp_valid = 1;
            if (acked !== acked_m || waiting !== (judged_m != acked_m)) begin $display("FAIL verdict_queue: acked %0d waiting %b, expected %0d %b", acked, waiting, acked_m, judged_m != acked_m); $fatal(1); end
        end
        if (released < 500 || resent < 100) begin $display("FAIL verdict_queue: only %0d released, %0d resent", released, resent); $fatal(1); end
        $display("PASS verdict_queue: %0d records released, %0d responses sent again", released, resent);
        $finish;
    end
endmodule
`default_nettype wire
