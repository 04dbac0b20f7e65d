// link_status: the status block reads back, field by field at the offsets link_protocol.vh gives, what happened:
// frames accepted, verdicts made, each kind of rejected transfer counted under its own field, the errors flag set by
// a rejection and cleared by a good STATUS, everything zero again after a soft reset. Random events against counts.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    `include "link_protocol.vh"
    reg         rst = 1, soft_reset = 0, done = 0, in_commit = 0, verdict_made = 0, active_bank = 0, loading = 0;
    reg  [7:0]  result = 0, cmd = 0, classes = 5, index = 0;
    reg  [15:0] in_frames = 0, load_offset = 0;
    reg  [31:0] model_id = 0;
    wire        errors;
    wire [7:0]  status_byte;
    link_status #(.N(4), .MAX_CLASSES(8), .RB(3), .BUILD_FLAGS(8'h00), .CONFIG_ID(32'h71F5EDCC), .IMAGE_BYTES(16385), .FIFO_FRAMES(25), .OW(16)) dut (
        .clk(clk), .rst(rst), .soft_reset(soft_reset), .done(done), .result(result), .cmd(cmd), .in_commit(in_commit), .in_frames(in_frames),
        .verdict_made(verdict_made), .classes(classes), .model_id(model_id), .active_bank(active_bank), .loading(loading),
        .load_offset(load_offset), .errors(errors), .index(index), .status_byte(status_byte));

    // Field at offset at, n bytes big-endian, checked against want.
    task field(input [8*24-1:0] name, input integer at, input integer n, input [31:0] want);
        integer k;
        reg [31:0] v;
        begin
            v = 0;
            for (k = 0; k < n; k = k + 1) begin index = at + k; #1 v = (v << 8) | status_byte; end
            same(name, v, want);
        end
    endtask

    task same(input [8*24-1:0] name, input [31:0] got, input [31:0] want);
        begin if (got !== want) begin $display("FAIL link_status: %0s is %0d, expected %0d", name, got, want); $fatal(1); end end
    endtask

    integer frames, verdicts, crc, full, seq, trunc, dup, other, i, r;
    reg err;
    initial begin
        @(posedge clk); #1 rst = 0;
        frames = 0; verdicts = 0; crc = 0; full = 0; seq = 0; trunc = 0; dup = 0; other = 0; err = 0;
        for (i = 0; i < 3000; i = i + 1) begin
            in_commit = $urandom % 3 == 0; in_frames = 1 + $urandom % 20;
            verdict_made = $urandom % 2;
            done = $urandom % 4 == 0;
            r = $urandom % 9;
            result = r == 0 ? ACK_CRC : r == 1 ? ACK_FULL : r == 2 ? ACK_SEQUENCE : r == 3 ? ACK_TRUNCATED : r == 4 ? ACK_DUPLICATE : r == 5 ? 8'hEE : ACK_OK;
            cmd = $urandom % 2 ? CMD_STATUS : CMD_POLL;
            soft_reset = $urandom % 500 == 0;
            model_id = $urandom; active_bank = $urandom; loading = $urandom; load_offset = $urandom; classes = $urandom;
            @(posedge clk); #1;
            if (soft_reset) begin frames = 0; verdicts = 0; crc = 0; full = 0; seq = 0; trunc = 0; dup = 0; other = 0; err = 0; end
            else begin
                if (in_commit) frames = frames + in_frames;
                if (verdict_made) verdicts = verdicts + 1;
                if (done) begin
                    if (result == ACK_OK && cmd == CMD_STATUS) err = 0;
                    if (result != ACK_OK) err = 1;
                    if (result == ACK_CRC) crc = crc + 1;
                    else if (result == ACK_FULL) full = full + 1;
                    else if (result == ACK_SEQUENCE) seq = seq + 1;
                    else if (result == ACK_TRUNCATED) trunc = trunc + 1;
                    else if (result == ACK_DUPLICATE) dup = dup + 1;
                    else if (result != ACK_OK) other = other + 1;
                end
            end
            in_commit = 0; verdict_made = 0; done = 0; soft_reset = 0;
            same("errors", errors, err);
            field("frames", ST_AT_FRAMES, 4, frames);
            field("verdicts", ST_AT_VERDICTS, 4, verdicts);
            field("crc errors", ST_AT_CRC_ERRORS, 2, crc);
            field("full rejects", ST_AT_FULL_REJECTS, 2, full);
            field("sequence errors", ST_AT_SEQUENCE_ERRORS, 2, seq);
            field("truncated", ST_AT_TRUNCATED, 2, trunc);
            field("duplicates", ST_AT_DUPLICATES, 2, dup);
            field("other rejects", ST_AT_OTHER_REJECTS, 2, other);
            field("model id", ST_AT_MODEL_ID, 4, model_id);
            field("classes", ST_AT_CLASSES, 1, classes);
            field("active bank", ST_AT_ACTIVE_BANK, 1, active_bank);
            field("loading", ST_AT_LOADING, 1, loading);
            field("load offset", ST_AT_LOAD_OFFSET, 4, load_offset);
        end
        field("version", ST_AT_VERSION, 1, LINK_VERSION);
        field("window frames", ST_AT_WINDOW_FRAMES, 1, 4);
        field("input length", ST_AT_INPUT_LENGTH, 2, 4 * FRAME_RECORD_LENGTH);
        field("config id", ST_AT_CONFIG_ID, 4, 32'h71F5EDCC);
        field("image bytes", ST_AT_IMAGE_BYTES, 4, 16385);
        field("record length", ST_AT_RECORD_LENGTH, 1, 3);
        field("fifo frames", ST_AT_FIFO_FRAMES, 2, 25);
        $display("PASS link_status: 3,000 random cycles, every field at its offset");
        $finish;
    end
endmodule
`default_nettype wire
