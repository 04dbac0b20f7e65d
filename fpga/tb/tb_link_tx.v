// link_tx: the response the SPI slave shifts out byte by byte: marker, flags, last sequence, acknowledgement code,
// free room, frames judged, count, then the verdict records (at most as many as asked and waiting) or the status
// block, the CRC-16 over all of it, zeros after; at the end of the transfer it reports what the response covered
// (nothing new when it was cut before the judged field was handed over). Random requests against a model.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    `include "link_protocol.vh"
    localparam integer RB = VERDICT_RECORD_LENGTH, AW = 5;
    reg         rst = 1, frame_start = 0, frame_end = 0, tx_load = 0;
    reg  [7:0]  cmd = 0, rd = 0, flags = 0, last_seq = 0, ack_code = 0, free = 0;
    reg  [15:0] snap_judged = 0, acked = 0;
    reg  [AW:0] snap_pending = 0;
    reg  [RB*8-1:0] vq_data = 0;
    wire [7:0]  tx_byte, status_index;
    wire [AW:0] vq_index, sent_count;
    wire        sent;
    wire [15:0] sent_judged;
    wire [7:0]  status_byte = status_index * 8'd7 + 8'd3;
    link_tx #(.RB(RB), .VQ_AW(AW)) dut (.clk(clk), .rst(rst), .frame_start(frame_start), .frame_end(frame_end), .tx_load(tx_load),
        .tx_byte(tx_byte), .cmd(cmd), .rd(rd), .flags(flags), .last_seq(last_seq), .ack_code(ack_code), .free(free),
        .snap_judged(snap_judged), .snap_pending(snap_pending), .acked(acked), .vq_index(vq_index), .vq_data(vq_data),
        .sent(sent), .sent_judged(sent_judged), .sent_count(sent_count), .status_index(status_index), .status_byte(status_byte));

    reg [RB*8-1:0] recs [0:63];
    always @(posedge clk) vq_data <= recs[vq_index];   // the queue's block RAM: one cycle
    reg        got_sent;
    reg [15:0] got_judged;
    reg [AW:0] got_count;
    always @(posedge clk) if (sent) begin got_sent = 1; got_judged = sent_judged; got_count = sent_count; end

    `include "tb_crc16.vh"

    task tick; begin @(posedge clk); #1; end endtask

    reg [7:0] want [0:255];
    reg [7:0] got [0:255];
    reg [15:0] c, judged;
    integer t, n, len, total, cut, i, k, status;
    initial begin
        tick; rst = 0; tick;
        for (t = 0; t < 800; t = t + 1) begin
            status = $urandom % 4 == 0;
            cmd = status ? CMD_STATUS : CMD_POLL;
            rd = $urandom % 12; flags = $urandom; last_seq = $urandom; ack_code = $urandom; free = $urandom;
            snap_pending = $urandom % 20; snap_judged = $urandom; acked = $urandom;
            for (i = 0; i < 21; i = i + 1) recs[i] = {16'(snap_judged - 16'd40 + 16'(2 * i)), 8'($urandom)};
            n = status ? 0 : (snap_pending < rd ? snap_pending : rd);
            judged = status ? acked : (n < snap_pending ? recs[n][RB*8-1 -: 16] - 16'd1 : snap_judged);
            len = status ? STATUS_LENGTH : n * RB;
            want[0] = RESPONSE_MARKER; want[1] = flags; want[RSP_AT_LAST_SEQ] = last_seq; want[RSP_AT_ACK_CODE] = ack_code;
            want[RSP_AT_FREE] = free; want[RSP_AT_JUDGED] = judged[15:8]; want[RSP_AT_JUDGED + 1] = judged[7:0];
            want[RSP_AT_COUNT] = status ? STATUS_LENGTH : n;
            for (i = 0; i < len; i = i + 1) want[RESPONSE_HEADER_LENGTH + i] = status ? i * 7 + 3 : recs[i / RB][RB*8-1-8*(i % RB) -: 8];
            c = 16'hFFFF;
            for (i = 0; i < RESPONSE_HEADER_LENGTH + len; i = i + 1) c = crc16(c, want[i]);
            want[RESPONSE_HEADER_LENGTH + len] = c[15:8]; want[RESPONSE_HEADER_LENGTH + len + 1] = c[7:0];
            total = RESPONSE_HEADER_LENGTH + len + 2 + 3;                  // and three zeros past the end
            for (i = RESPONSE_HEADER_LENGTH + len + 2; i < total; i = i + 1) want[i] = 8'h00;
            cut = $urandom % 5 == 0 ? 1 + $urandom % (total - 1) : total;  // sometimes CS rises early
            got_sent = 0;
            got[0] = tx_byte;                                              // the idle byte, taken when CS falls
            frame_start = 1; tick; frame_start = 0; tick;
            for (k = 1; k < cut; k = k + 1) begin
                got[k] = tx_byte;
                tx_load = 1; tick; tx_load = 0; tick; tick;
            end
            frame_end = 1; tick; frame_end = 0; tick;
            for (k = 0; k < cut; k = k + 1)
                if (got[k] !== want[k]) begin $display("FAIL link_tx: response %0d (%0s, %0d records) byte %0d is %h, expected %h", t, status ? "status" : "poll", n, k, got[k], want[k]); $fatal(1); end
            // What the response covered: its judged field and records once that field was handed to the SPI slave (when
            // the byte before it was taken), else nothing new. A cut response fails the MCU's CRC and is never
            // acknowledged, so claiming it early only delays a release by a transfer.
            if (!got_sent || got_judged !== (cut >= RSP_AT_JUDGED ? judged : acked) || got_count !== (cut >= RSP_AT_JUDGED ? n : 0)) begin
                $display("FAIL link_tx: response %0d cut at %0d: sent %0d judged %0d count %0d", t, cut, got_sent, got_judged, got_count); $fatal(1);
            end
        end
        $display("PASS link_tx: 800 responses (polls and status), whole and cut, byte for byte with CRC");
        $finish;
    end
endmodule
`default_nettype wire
