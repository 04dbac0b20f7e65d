// The MOSI half of the SPI link (docs/spi-link.md): parses each command, checks its CRC and sequence number, writes
// its payload tentatively (frame records into the input FIFO, image bytes into the weight loader) and, when chip
// select rises, decides the transfer's result and acts on it: commit or roll back the payload, begin or commit a
// load, switch banks, reset, and pass on the verdict acknowledgement.
//
//   MOSI: cmd, seq, rd, ack[15:8], ack[7:0], len[15:8], len[7:0], payload[len], crc16[15:8], crc16[7:0]
//
// A command takes effect only when its CRC matches and its sequence number is the last executed one + 1 (RESET takes
// any); the acknowledgement in an intact command is passed on whatever its sequence number (it is cumulative).
`default_nettype none
module link_rx #(
    parameter integer FIFO_AW = 8,
    parameter [31:0]  CONFIG_ID = 32'h0,
    parameter [31:0]  DEFAULT_MODEL_ID = 32'h0,
    parameter integer IMAGE_BYTES = 1,
    parameter integer OW = 16                  // bits of a payload offset
) (
    input  wire               clk,
    input  wire               rst,
    // SPI byte interface
    input  wire               frame_start,
    input  wire               frame_end,
    input  wire               frame_partial,      // CS rose mid-byte
    input  wire               rx_valid,
    input  wire [7:0]         rx_byte,
    // this transfer's header, for the response composer
    output reg  [7:0]         cmd,
    output reg  [7:0]         rd,
    // input FIFO
    output reg                in_we,
    output reg  [7:0]         in_wdata,
    output reg                in_commit,
    output reg                in_rollback,
    input  wire [FIFO_AW:0]   in_free,
    output reg  [15:0]        in_frames,          // frame records committed (valid with in_commit)
    // weight loader
    output reg                ld_begin,
    output reg                ld_byte_we,
    output reg  [7:0]         ld_byte,
    output reg                ld_accept,
    output reg                ld_reject,
    output reg                ld_finish,
    input  wire               ld_loading,
    input  wire [OW-1:0]      ld_offset,
    input  wire [31:0]        ld_crc,
    input  wire               shadow_busy,
    // verdict acknowledgement (cumulative: the judged tag of the last response the MCU received)
    output reg                ack_en,
    output reg  [15:0]        ack_tag,
    // outcome of every transfer that clocked at least one bit
    output reg                done,
    output reg  [7:0]         result,
    output reg  [7:0]         last_seq,
    output reg  [7:0]         ack_code,
    output reg                soft_reset,
    output reg                active_bank,
    output reg  [31:0]        model_id
);
    `include "link_protocol.vh"
    `include "crc.vh"

    localparam integer HL = COMMAND_HEADER_LENGTH;
    localparam integer FR = FRAME_RECORD_LENGTH;
    // The last payload byte of a LOAD's first word: LOAD_BEGIN's image length, LOAD_DATA's offset.
    localparam [15:0] AT_OFFSET_END = LOAD_DATA_AT_BYTES[15:0] - 16'd1;
    localparam [15:0] AT_CODE = CMD_AT_CODE[15:0], AT_SEQ = CMD_AT_SEQ[15:0], AT_RD = CMD_AT_RD[15:0],
                      AT_ACK = CMD_AT_ACK[15:0], AT_LEN = CMD_AT_LENGTH[15:0];

    reg [15:0] k;                              // bytes received in this transfer
    reg [7:0]  seq;
    reg [15:0] ack, len;
    reg [15:0] crc_rx, crc_got;
    reg        complete;
    reg [7:0]  reject;                         // refusal found while parsing (header, FULL, OFFSET)
    reg [3:0]  roff;                           // byte within the current frame record of a PUSH
    reg [15:0] frames;                         // complete frame records of this PUSH
    reg [31:0] fields;                         // the last payload word: LOAD_BEGIN's config id, LOAD_DATA's offset, LOAD_COMMIT's CRC
    reg        size_ok;                        // LOAD_BEGIN's first word, the payload length, is this FPGA's
    wire [15:0] pay = k - HL[15:0];
    wire [15:0] len_now = {len[15:8], rx_byte};
    wire        known = cmd == CMD_POLL || cmd == CMD_STATUS || cmd == CMD_PUSH || cmd == CMD_RESET
                     || cmd == CMD_LOAD_BEGIN || cmd == CMD_LOAD_DATA || cmd == CMD_LOAD_COMMIT;
    // A LOAD_DATA's offset (its first payload word) must equal the bytes accepted so far, and its data stay in the image.
    wire [31:0] offset_now = {fields[23:0], rx_byte};
    wire [16:0] data_end = {{(17-OW){1'b0}}, ld_offset} + {1'b0, len} - LOAD_DATA_AT_BYTES[16:0];

    function [7:0] header_check;
        input [15:0] l;
        begin
            if (!known)                                           header_check = ACK_UNKNOWN;
            else if (cmd != CMD_RESET && seq == last_seq)         header_check = ACK_DUPLICATE;
            else if (cmd != CMD_RESET && seq != last_seq + 8'd1)  header_check = ACK_SEQUENCE;
            else if ((cmd == CMD_POLL || cmd == CMD_STATUS || cmd == CMD_RESET) && l != 16'd0) header_check = ACK_LENGTH;
            else if (cmd == CMD_PUSH && l == 16'd0)                header_check = ACK_LENGTH;
            else if (cmd == CMD_LOAD_BEGIN && l != LOAD_BEGIN_LENGTH[15:0])       header_check = ACK_LENGTH;
            else if (cmd == CMD_LOAD_DATA && l <= LOAD_DATA_AT_BYTES[15:0])        header_check = ACK_LENGTH;
            else if (cmd == CMD_LOAD_COMMIT && l != LOAD_COMMIT_LENGTH[15:0])        header_check = ACK_LENGTH;
            else if ((cmd == CMD_LOAD_BEGIN || cmd == CMD_LOAD_DATA) && shadow_busy) header_check = ACK_BUSY;
            else if (cmd == CMD_LOAD_DATA && !ld_loading)          header_check = ACK_OFFSET;
            else                                                    header_check = ACK_OK;
        end
    endfunction

    // ------------------------------------------------------------------ parser
    always @(posedge clk) begin
        in_we <= 1'b0;
        ld_byte_we <= 1'b0;
        if (rst || soft_reset || frame_start) begin
            k <= 16'd0;
            complete <= 1'b0;
            reject <= ACK_OK;
            crc_rx <= CRC16_INITIAL;
            roff <= 4'd0;
            frames <= 16'd0;
            cmd <= 8'h00;
        end else if (rx_valid && !complete) begin
            k <= k + 16'd1;
            if (k < HL[15:0] || pay < len) crc_rx <= crc16_byte(crc_rx, rx_byte);
            if (k == AT_CODE)          cmd <= rx_byte;
            else if (k == AT_SEQ)      seq <= rx_byte;
            else if (k == AT_RD)       rd <= rx_byte;
            else if (k == AT_ACK)      ack[15:8] <= rx_byte;
            else if (k == AT_ACK + 16'd1)  ack[7:0] <= rx_byte;
            else if (k == AT_LEN)   len[15:8] <= rx_byte;
            else if (k == AT_LEN + 16'd1) begin
                len[7:0] <= rx_byte;
                reject <= header_check(len_now);
            end else if (pay < len) begin
                fields <= {fields[23:0], rx_byte};
                if (pay == AT_OFFSET_END) size_ok <= offset_now == IMAGE_BYTES[31:0];
                if (reject == ACK_OK && cmd == CMD_PUSH) begin
                    if (in_free == {(FIFO_AW+1){1'b0}}) begin
                        reject <= ACK_FULL;
                    end else begin
                        in_we <= 1'b1;
                        in_wdata <= rx_byte;
                        if (roff == FR[3:0] - 4'd1) begin
                            roff <= 4'd0;
                            frames <= frames + 16'd1;
                        end else begin
                            roff <= roff + 4'd1;
                        end
                    end
                end
                if (reject == ACK_OK && cmd == CMD_LOAD_DATA) begin
                    if (pay == AT_OFFSET_END) begin
                        if (offset_now != {{(32-OW){1'b0}}, ld_offset} || data_end > IMAGE_BYTES[16:0]) reject <= ACK_OFFSET;
                    end else if (pay > AT_OFFSET_END) begin
                        ld_byte_we <= 1'b1;
                        ld_byte <= rx_byte;
                    end
                end
            end else if (pay == len) begin
                crc_got[15:8] <= rx_byte;
            end else begin
                crc_got[7:0] <= rx_byte;
                complete <= 1'b1;
            end
        end
    end

    // ------------------------------------------------------------------ end of transfer: decide and act
    reg [7:0] outcome;
    always @(*) begin
        if (!complete)                                               outcome = ACK_TRUNCATED;
        else if (crc_rx != crc_got)                                  outcome = ACK_CRC;
        else if (reject != ACK_OK)                                   outcome = reject;
        else if (cmd == CMD_PUSH && roff != 4'd0)                    outcome = ACK_LENGTH;
        else if (cmd == CMD_LOAD_BEGIN && (!size_ok || fields != CONFIG_ID)) outcome = ACK_CONFIG;
        else if (cmd == CMD_LOAD_COMMIT && !ld_loading)              outcome = ACK_OFFSET;
        else if (cmd == CMD_LOAD_COMMIT && ld_offset != IMAGE_BYTES[OW-1:0]) outcome = ACK_INCOMPLETE;
        else if (cmd == CMD_LOAD_COMMIT && fields != ld_crc)         outcome = ACK_IMAGE_CRC;
        else                                                         outcome = ACK_OK;
    end
    wire seen = k != 16'd0 || frame_partial;        // any bit clocked: a transfer to answer for
    wire ok = frame_end && k != 16'd0 && outcome == ACK_OK;
    wire intact = frame_end && complete && crc_rx == crc_got;

    always @(posedge clk) begin
        in_commit <= 1'b0;
        in_rollback <= 1'b0;
        ld_begin <= 1'b0;
        ld_accept <= 1'b0;
        ld_reject <= 1'b0;
        ld_finish <= 1'b0;
        soft_reset <= 1'b0;
        ack_en <= 1'b0;
        done <= 1'b0;
        if (rst) begin
            last_seq <= POWER_UP_LAST_SEQ;
            ack_code <= ACK_NONE;
            active_bank <= 1'b0;
            model_id <= DEFAULT_MODEL_ID;
        end else if (frame_end && seen) begin
            done <= 1'b1;
            result <= outcome;
            ack_code <= outcome;
            if (ok && cmd == CMD_PUSH) begin
                in_commit <= 1'b1;
                in_frames <= frames;
            end else begin
                in_rollback <= 1'b1;
            end
            if (cmd == CMD_LOAD_DATA) begin
                if (ok) ld_accept <= 1'b1;
                else    ld_reject <= 1'b1;
            end
            if (ok && cmd == CMD_LOAD_BEGIN) ld_begin <= 1'b1;
            if (cmd == CMD_LOAD_COMMIT && intact && reject == ACK_OK && ld_loading) begin
                // A commit ends the load either way: the new model goes live, or the shadow bank is abandoned.
                ld_finish <= 1'b1;
                if (ok) begin
                    active_bank <= ~active_bank;
                    model_id <= fields;
                end
            end
            if (ok) last_seq <= seq;
            if (ok && cmd == CMD_RESET) soft_reset <= 1'b1;
            if (intact && cmd != CMD_RESET) begin
                ack_en <= 1'b1;
                ack_tag <= ack;
            end
        end
    end
endmodule
`default_nettype wire
