// link_rx: commands arrive byte by byte (header, payload, CRC-16) and each transfer ends with its verdict: a good
// PUSH commits its frame records (every byte passed on in order) and acknowledges; a damaged, cut, duplicated,
// out-of-sequence, unknown, wrongly sized or FIFO-full one is refused with its own code, its records rolled back, the
// sequence unchanged, and (unless damaged or cut) its acknowledgement still taken; RESET resets whatever the
// sequence; LOAD_BEGIN checks the image size and configuration. Random commands against a model of the parser.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    `include "link_protocol.vh"
    localparam [31:0] CONFIG = 32'h71F5EDCC;
    localparam integer IMAGE = 300, FIFO_AW = 8;
    reg         rst = 1, frame_start = 0, frame_end = 0, frame_partial = 0, rx_valid = 0, ld_loading = 0, shadow_busy = 0;
    reg  [7:0]  rx_byte = 0;
    reg  [FIFO_AW:0] in_free = 256;
    wire [7:0]  cmd, rd, in_wdata, ld_byte, result, last_seq, ack_code;
    wire        in_we, in_commit, in_rollback, ld_begin, ld_byte_we, ld_accept, ld_reject, ld_finish, ack_en, done, soft_reset, active_bank;
    wire [15:0] in_frames, ack_tag;
    wire [31:0] model_id;
    link_rx #(.FIFO_AW(FIFO_AW), .CONFIG_ID(CONFIG), .DEFAULT_MODEL_ID(32'h1234), .IMAGE_BYTES(IMAGE), .OW(16)) dut (
        .clk(clk), .rst(rst), .frame_start(frame_start), .frame_end(frame_end), .frame_partial(frame_partial), .rx_valid(rx_valid),
        .rx_byte(rx_byte), .cmd(cmd), .rd(rd), .in_we(in_we), .in_wdata(in_wdata), .in_commit(in_commit), .in_rollback(in_rollback),
        .in_free(in_free), .in_frames(in_frames), .ld_begin(ld_begin), .ld_byte_we(ld_byte_we), .ld_byte(ld_byte), .ld_accept(ld_accept),
        .ld_reject(ld_reject), .ld_finish(ld_finish), .ld_loading(ld_loading), .ld_offset(16'd0), .ld_crc(32'd0), .shadow_busy(shadow_busy),
        .ack_en(ack_en), .ack_tag(ack_tag), .done(done), .result(result), .last_seq(last_seq), .ack_code(ack_code),
        .soft_reset(soft_reset), .active_bank(active_bank), .model_id(model_id));

    `include "tb_crc16.vh"

    reg [7:0] bytes [0:511];
    reg [7:0] passed [0:511];
    integer   npassed = 0, commits = 0, committed_frames = 0, rollbacks = 0, acks = 0, resets = 0, begins = 0;
    reg [7:0] got_result;
    reg       got_done;
    reg [15:0] got_ack;
    always @(posedge clk) begin
        if (in_we) begin passed[npassed] = in_wdata; npassed = npassed + 1; end
        if (in_commit) begin commits = commits + 1; committed_frames = in_frames; end
        if (in_rollback) rollbacks = rollbacks + 1;
        if (ack_en) begin acks = acks + 1; got_ack = ack_tag; end
        if (soft_reset) resets = resets + 1;
        if (ld_begin) begins = begins + 1;
        if (done) begin got_done = 1; got_result = result; end
    end

    task tick; begin @(posedge clk); #1; end endtask

    // Sends n bytes (of which the first cut are sent when cut > 0), then ends the transfer.
    task transfer(input integer n, input integer cut);
        integer i, m;
        begin
            npassed = 0; got_done = 0;
            frame_start = 1; tick; frame_start = 0;
            m = cut > 0 ? cut : n;
            for (i = 0; i < m; i = i + 1) begin rx_valid = 1; rx_byte = bytes[i]; tick; rx_valid = 0; tick; end
            frame_end = 1; tick; frame_end = 0; tick; tick;
        end
    endtask

    // A command: header, payload p[0..len), CRC (damaged when bad).
    integer len;
    task build(input [7:0] code, input [7:0] seq, input [15:0] ack, input bad);
        integer i;
        reg [15:0] c;
        begin
            bytes[CMD_AT_CODE] = code; bytes[CMD_AT_SEQ] = seq; bytes[CMD_AT_RD] = 8'd4;
            bytes[CMD_AT_ACK] = ack[15:8]; bytes[CMD_AT_ACK + 1] = ack[7:0];
            bytes[CMD_AT_LENGTH] = len[15:8]; bytes[CMD_AT_LENGTH + 1] = len[7:0];
            c = 16'hFFFF;
            for (i = 0; i < COMMAND_HEADER_LENGTH + len; i = i + 1) c = crc16(c, bytes[i]);
            if (bad) c = c ^ 16'h0100;
            bytes[COMMAND_HEADER_LENGTH + len] = c[15:8];
            bytes[COMMAND_HEADER_LENGTH + len + 1] = c[7:0];
        end
    endtask

    task check(input [7:0] want, input [8*16-1:0] what);
        begin
            if (!got_done || got_result !== want || ack_code !== want) begin
                $display("FAIL link_rx: %0s: result %h (done %0d), expected %h", what, got_result, got_done, want); $fatal(1);
            end
        end
    endtask

    reg [7:0] seq_m;
    integer t, kind, sub, frames, i, acks_before, commits_before, rollbacks_before;
    reg [15:0] ack;
    initial begin
        tick; tick; rst = 0; tick;
        seq_m = POWER_UP_LAST_SEQ;
        if (last_seq !== seq_m || model_id !== 32'h1234) begin $display("FAIL link_rx: power-up state"); $fatal(1); end
        for (t = 0; t < 600; t = t + 1) begin
            kind = $urandom % 10;
            sub = $urandom % 4;                      // not in the case expression: Verilator evaluates it per item
            ack = $urandom;
            frames = 1 + $urandom % 6;
            acks_before = acks; commits_before = commits; rollbacks_before = rollbacks;
            in_free = 256;
            len = frames * FRAME_RECORD_LENGTH;
            for (i = 0; i < len; i = i + 1) bytes[COMMAND_HEADER_LENGTH + i] = $urandom;
            case (kind)
                0, 1, 2: begin build(CMD_PUSH, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 0); check(ACK_OK, "push");
                    if (commits != commits_before + 1 || committed_frames != frames || npassed != len) begin $display("FAIL link_rx: push of %0d frames: %0d commits, %0d frames, %0d bytes", frames, commits - commits_before, committed_frames, npassed); $fatal(1); end
                    for (i = 0; i < len; i = i + 1) if (passed[i] !== bytes[COMMAND_HEADER_LENGTH + i]) begin $display("FAIL link_rx: push byte %0d", i); $fatal(1); end
                    seq_m = seq_m + 1; end
                3: begin build(CMD_PUSH, seq_m + 1, ack, 1); transfer(COMMAND_HEADER_LENGTH + len + 2, 0); check(ACK_CRC, "damaged push"); end
                4: begin build(CMD_PUSH, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 3 + $urandom % (len + 2)); check(ACK_TRUNCATED, "cut push"); end
                5: begin build(CMD_PUSH, seq_m, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 0); check(ACK_DUPLICATE, "repeated push"); end
                6: begin build(CMD_PUSH, seq_m + 2, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 0); check(ACK_SEQUENCE, "skipped sequence"); end
                7: begin len = len - 3; build(CMD_PUSH, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 0); check(ACK_LENGTH, "partial record"); end
                8: begin in_free = 0; build(CMD_PUSH, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 0); check(ACK_FULL, "full FIFO"); end
                9: case (sub)
                    0: begin len = 0; build(CMD_POLL, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + 2, 0); check(ACK_OK, "poll"); seq_m = seq_m + 1; end
                    1: begin len = 0; build(8'h77, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + 2, 0); check(ACK_UNKNOWN, "unknown command"); end
                    2: begin len = 0; build(CMD_RESET, $urandom, ack, 0); transfer(COMMAND_HEADER_LENGTH + 2, 0); check(ACK_OK, "reset");
                        seq_m = bytes[CMD_AT_SEQ]; end
                    3: begin len = LOAD_BEGIN_LENGTH;
                        {bytes[COMMAND_HEADER_LENGTH], bytes[COMMAND_HEADER_LENGTH + 1], bytes[COMMAND_HEADER_LENGTH + 2], bytes[COMMAND_HEADER_LENGTH + 3]} = IMAGE;
                        {bytes[COMMAND_HEADER_LENGTH + 4], bytes[COMMAND_HEADER_LENGTH + 5], bytes[COMMAND_HEADER_LENGTH + 6], bytes[COMMAND_HEADER_LENGTH + 7]} = $urandom % 2 ? CONFIG : CONFIG ^ 32'h10;
                        build(CMD_LOAD_BEGIN, seq_m + 1, ack, 0); transfer(COMMAND_HEADER_LENGTH + len + 2, 0);
                        if (bytes[COMMAND_HEADER_LENGTH + 7] == CONFIG[7:0]) begin check(ACK_OK, "load begin"); seq_m = seq_m + 1; end
                        else check(ACK_CONFIG, "foreign load begin"); end
                   endcase
            endcase
            if (last_seq !== seq_m) begin $display("FAIL link_rx: transfer %0d (kind %0d): last_seq %0d, expected %0d", t, kind, last_seq, seq_m); $fatal(1); end
            // Every transfer not damaged or cut delivers its acknowledgement (RESET excepted); a refused PUSH rolls back.
            if (kind == 3 || kind == 4) begin
                if (acks != acks_before) begin $display("FAIL link_rx: a damaged or cut transfer acknowledged"); $fatal(1); end
            end else if (!(kind == 9 && bytes[CMD_AT_CODE] == CMD_RESET) && (acks != acks_before + 1 || got_ack !== ack)) begin
                $display("FAIL link_rx: transfer %0d (kind %0d): acknowledgement %0d of %h", t, kind, acks - acks_before, got_ack); $fatal(1);
            end
            if (kind >= 3 && kind <= 8 && (commits != commits_before || rollbacks != rollbacks_before + 1)) begin $display("FAIL link_rx: refused push committed"); $fatal(1); end
        end
        if (resets == 0 || begins == 0) begin $display("FAIL link_rx: %0d resets, %0d load begins", resets, begins); $fatal(1); end
        $display("PASS link_rx: 600 random commands, every verdict, sequence and acknowledgement as expected");
        $finish;
    end
endmodule
`default_nettype wire
