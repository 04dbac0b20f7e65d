// The SPI link protocol of docs/spi-link.md, FPGA side.
//
// Every transfer (one CS assertion) carries one command from the MCU on MOSI and, at the same time, one response
// frame on MISO:
//   MOSI: cmd, seq, vack, rd, len[15:8], len[7:0], payload[len], crc16[15:8], crc16[7:0]
//   MISO: 0x5A, flags, last_seq, ack_code, free_windows, n, n records (or the status block), crc16[15:8], crc16[7:0]
// The response reports the sequence number of the last executed command (last_seq) and the result of the previous
// transfer (ack_code), because this transfer's CRC is only known at its end. A command takes effect only when its CRC matches and its sequence number is the expected one;
// payload bytes are written tentatively (input FIFO, loader) and rolled back otherwise. Verdict records are
// removed only when acknowledged by a later valid command (vack: cumulative count), so a corrupted response is
// resent rather than lost. Every rejected transfer is counted.
`default_nettype none
module link_layer #(
    parameter integer IL = 40,                 // input bytes per window
    parameter integer RB = 3,                  // bytes per verdict record
    parameter integer CLASSES = 5,
    parameter [31:0]  CONFIG_ID = 32'h0,
    parameter [31:0]  DEFAULT_MODEL_ID = 32'h0,
    parameter integer IMAGE_BYTES = 1,
    parameter integer FIFO_AW = 9,
    parameter integer VQ_AW = 5
) (
    input  wire               clk,
    input  wire               rst,
    // SPI byte interface
    input  wire               frame_start,
    input  wire               frame_end,
    input  wire               frame_partial,      // CS rose mid-byte
    input  wire               rx_valid,
    input  wire [7:0]         rx_byte,
    input  wire               tx_load,
    output reg  [7:0]         tx_byte,
    // input FIFO
    output reg                in_we,
    output reg  [7:0]         in_wdata,
    output reg                in_commit,
    output reg                in_rollback,
    input  wire [FIFO_AW:0]   in_free,
    input  wire               win_fed,
    // verdict queue
    input  wire [VQ_AW:0]     vq_pending,
    output wire [VQ_AW:0]     vq_index,
    input  wire [RB*8-1:0]    vq_data,
    output reg                vq_release,
    output reg  [VQ_AW:0]     vq_release_n,
    input  wire               verdict_made,
    // weight loader
    output reg                ld_begin,
    output reg                ld_byte_we,
    output reg  [7:0]         ld_byte,
    output reg                ld_accept,
    output reg                ld_reject,
    output reg                ld_finish,
    input  wire               ld_loading,
    input  wire [31:0]        ld_offset,
    input  wire [31:0]        ld_crc,
    input  wire               shadow_busy,
    // control
    output reg                soft_reset,
    output reg                active_bank
);
    `include "crc.vh"
    `include "link_codes.vh"

    localparam integer WIN = IL + 2;
    localparam integer CAP_WINDOWS = (1 << FIFO_AW) / WIN;
    localparam integer S = 42;                 // status block bytes

    // ------------------------------------------------------------------ state kept across transfers
    reg [7:0]  last_seq, ack_code, acked;
    reg [31:0] model_id;
    reg [15:0] windows_in_fifo;
    reg        errors_flag;
    reg [31:0] n_windows, n_verdicts;
    reg [15:0] n_crc, n_full, n_seq, n_trunc, n_other, n_dup;

    // ------------------------------------------------------------------ MOSI parser
    reg [15:0] k;
    reg [7:0]  cmd, seq, vack, rd;
    reg [15:0] len;
    reg [15:0] crc_rx, crc_got;
    reg        complete;
    reg [7:0]  reject;
    reg [7:0]  woff;                           // byte within the current window of a PUSH
    reg [15:0] win_count;
    reg [63:0] fields;                         // payload words of LOAD_BEGIN, LOAD_DATA (offset), LOAD_COMMIT
    reg [VQ_AW:0] skip;                        // records the MCU acknowledges with this command
    wire [15:0] pay = k - 16'd6;
    wire [15:0] len_now = {len[15:8], rx_byte};
    wire [7:0]  vack_delta = rx_byte - acked;
    wire        known = cmd == CMD_POLL || cmd == CMD_STATUS || cmd == CMD_PUSH || cmd == CMD_RESET
                     || cmd == CMD_LOAD_BEGIN || cmd == CMD_LOAD_DATA || cmd == CMD_LOAD_COMMIT;
    wire [31:0] data_end = {fields[23:0], rx_byte} + {16'd0, len} - 32'd4;

    function [7:0] header_check;
        input [15:0] l;
        begin
            if (!known)                                           header_check = ACK_UNKNOWN;
            else if (cmd != CMD_RESET && seq == last_seq)         header_check = ACK_DUPLICATE;
            else if (cmd != CMD_RESET && seq != last_seq + 8'd1)  header_check = ACK_SEQUENCE;
            else if ((cmd == CMD_POLL || cmd == CMD_STATUS || cmd == CMD_RESET) && l != 16'd0) header_check = ACK_LENGTH;
            else if (cmd == CMD_PUSH && l == 16'd0)                header_check = ACK_LENGTH;
            else if (cmd == CMD_LOAD_BEGIN && l != 16'd8)          header_check = ACK_LENGTH;
            else if (cmd == CMD_LOAD_DATA && l < 16'd5)            header_check = ACK_LENGTH;
            else if (cmd == CMD_LOAD_COMMIT && l != 16'd4)         header_check = ACK_LENGTH;
            else if ((cmd == CMD_LOAD_BEGIN || cmd == CMD_LOAD_DATA) && shadow_busy) header_check = ACK_BUSY;
            else if (cmd == CMD_LOAD_DATA && !ld_loading)          header_check = ACK_OFFSET;
            else                                                    header_check = ACK_OK;
        end
    endfunction

    always @(posedge clk) begin
        in_we <= 1'b0;
        ld_byte_we <= 1'b0;
        if (rst || soft_reset || frame_start) begin
            k <= 16'd0;
            complete <= 1'b0;
            reject <= ACK_OK;
            crc_rx <= 16'hFFFF;
            woff <= 8'd0;
            win_count <= 16'd0;
            skip <= {(VQ_AW+1){1'b0}};
            cmd <= 8'h00;
        end else if (rx_valid && !complete) begin
            k <= k + 16'd1;
            if (k < 16'd6 || pay < len) crc_rx <= crc16_byte(crc_rx, rx_byte);
            case (k)
                16'd0: cmd <= rx_byte;
                16'd1: seq <= rx_byte;
                16'd2: begin
                    vack <= rx_byte;
                    skip <= ({1'b0, vack_delta} <= {{(8-VQ_AW){1'b0}}, vq_pending}) ? vack_delta[VQ_AW:0] : {(VQ_AW+1){1'b0}};
                end
                16'd3: rd <= rx_byte;
                16'd4: len[15:8] <= rx_byte;
                16'd5: begin
                    len[7:0] <= rx_byte;
                    reject <= header_check(len_now);
                end
                default: begin
                    if (pay < len) begin
                        fields <= {fields[55:0], rx_byte};
                        if (reject == ACK_OK && cmd == CMD_PUSH) begin
                            if (in_free == {(FIFO_AW+1){1'b0}}) begin
                                reject <= ACK_FULL;
                            end else begin
                                in_we <= 1'b1;
                                in_wdata <= rx_byte;
                                if (woff == WIN[7:0] - 8'd1) begin
                                    woff <= 8'd0;
                                    win_count <= win_count + 16'd1;
                                end else begin
                                    woff <= woff + 8'd1;
                                end
                            end
                        end
                        if (reject == ACK_OK && cmd == CMD_LOAD_DATA) begin
                            if (pay == 16'd3) begin
                                if ({fields[23:0], rx_byte} != ld_offset || data_end > IMAGE_BYTES) reject <= ACK_OFFSET;
                            end else if (pay > 16'd3) begin
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
            endcase
        end
    end

    // ------------------------------------------------------------------ end of transfer: decide and act
    reg [7:0] result;
    always @(*) begin
        if (!complete)                                               result = ACK_TRUNCATED;
        else if (crc_rx != crc_got)                                  result = ACK_CRC;
        else if (reject != ACK_OK)                                   result = reject;
        else if (cmd == CMD_PUSH && woff != 8'd0)                    result = ACK_LENGTH;
        else if (cmd == CMD_LOAD_BEGIN && (fields[63:32] != IMAGE_BYTES || fields[31:0] != CONFIG_ID)) result = ACK_CONFIG;
        else if (cmd == CMD_LOAD_COMMIT && !ld_loading)              result = ACK_OFFSET;
        else if (cmd == CMD_LOAD_COMMIT && ld_offset != IMAGE_BYTES) result = ACK_INCOMPLETE;
        else if (cmd == CMD_LOAD_COMMIT && fields[31:0] != ld_crc)   result = ACK_IMAGE_CRC;
        else                                                         result = ACK_OK;
    end
    wire seen = k != 16'd0 || frame_partial;        // any bit clocked: a transfer to answer for
    wire ok = frame_end && k != 16'd0 && result == ACK_OK;
    wire intact = frame_end && complete && crc_rx == crc_got;

    always @(posedge clk) begin
        in_commit <= 1'b0;
        in_rollback <= 1'b0;
        vq_release <= 1'b0;
        ld_begin <= 1'b0;
        ld_accept <= 1'b0;
        ld_reject <= 1'b0;
        ld_finish <= 1'b0;
        soft_reset <= 1'b0;
        if (rst) begin
            last_seq <= 8'hFF;
            ack_code <= ACK_NONE;
            acked <= 8'd0;
            active_bank <= 1'b0;
            model_id <= DEFAULT_MODEL_ID;
            windows_in_fifo <= 16'd0;
            errors_flag <= 1'b0;
            {n_windows, n_verdicts} <= 64'd0;
            {n_crc, n_full, n_seq, n_trunc, n_other, n_dup} <= 96'd0;
        end else if (soft_reset) begin
            windows_in_fifo <= 16'd0;
            acked <= 8'd0;
            errors_flag <= 1'b0;
            {n_windows, n_verdicts} <= 64'd0;
            {n_crc, n_full, n_seq, n_trunc, n_other, n_dup} <= 96'd0;
        end else begin
            windows_in_fifo <= windows_in_fifo + ((ok && cmd == CMD_PUSH) ? win_count : 16'd0) - (win_fed ? 16'd1 : 16'd0);
            if (verdict_made) n_verdicts <= n_verdicts + 32'd1;
            if (frame_end && seen) begin
                ack_code <= result;
                if (ok && cmd == CMD_PUSH) begin
                    in_commit <= 1'b1;
                    n_windows <= n_windows + {16'd0, win_count};
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
                        model_id <= fields[31:0];
                    end
                end
                if (ok) last_seq <= seq;
                if (ok && cmd == CMD_RESET) soft_reset <= 1'b1;
                if (intact && cmd != CMD_RESET) begin
                    vq_release <= 1'b1;
                    vq_release_n <= skip;
                    acked <= vack;
                end
                if (ok && cmd == CMD_STATUS) errors_flag <= 1'b0;
                if (result != ACK_OK) errors_flag <= 1'b1;
                case (result)
                    ACK_OK:        ;
                    ACK_CRC:       n_crc <= n_crc + 16'd1;
                    ACK_FULL:      n_full <= n_full + 16'd1;
                    ACK_SEQUENCE:  n_seq <= n_seq + 16'd1;
                    ACK_TRUNCATED: n_trunc <= n_trunc + 16'd1;
                    ACK_DUPLICATE: n_dup <= n_dup + 16'd1;
                    default:       n_other <= n_other + 16'd1;
                endcase
            end
        end
    end

    // ------------------------------------------------------------------ MISO composer
    reg [15:0] tpos;                           // position of the byte now in tx_byte
    reg [15:0] mlen;                           // bytes covered by the response CRC
    reg [15:0] crc_tx;
    reg        status_mode;
    reg [VQ_AW:0] ridx;                         // record of the byte now in tx_byte
    reg [7:0]  rbyte;

    reg  [15:0] next;                          // tpos + 1, kept in a register: off the byte-select path (iCE40 Fmax)
    wire [15:0] crc_next = crc16_byte(crc_tx, tx_byte);
    wire        next_first_data = next == 16'd6;
    wire [VQ_AW:0] nidx = next_first_data ? {(VQ_AW+1){1'b0}} : (rbyte == RB[7:0] - 8'd1) ? ridx + 1'b1 : ridx;
    wire [7:0]     nbyte = next_first_data ? 8'd0 : (rbyte == RB[7:0] - 8'd1) ? 8'd0 : rbyte + 8'd1;
    assign vq_index = skip + nidx;
    wire [VQ_AW:0] available = vq_pending - skip;
    wire [7:0]  n_now = ({{(8-VQ_AW){1'b0}}, available} < {1'b0, rd}) ? {{(7-VQ_AW){1'b0}}, available} : rd;
    wire [15:0] free_windows = CAP_WINDOWS[15:0] - windows_in_fifo;
    wire [7:0]  flags = {3'b000, errors_flag, vq_pending != {(VQ_AW+1){1'b0}}, free_windows == 16'd0, ld_loading, active_bank};

    // n x RB with shifts and adds: a constant product, no multiplier.
    function [15:0] times_rb;
        input [7:0] n;
        integer b;
        begin
            times_rb = 16'd0;
            for (b = 0; b < 8; b = b + 1)
                if (RB[b]) times_rb = times_rb + ({8'd0, n} << b);
        end
    endfunction

    reg [7:0] status_byte;
    always @(*) begin
        case (next - 16'd6)
            16'd0:  status_byte = 8'd1;                      // protocol version
            16'd1:  status_byte = IL[7:0];
            16'd2:  status_byte = CLASSES[7:0];
            16'd3:  status_byte = RB[7:0];
            16'd4:  status_byte = CONFIG_ID[31:24];
            16'd5:  status_byte = CONFIG_ID[23:16];
            16'd6:  status_byte = CONFIG_ID[15:8];
            16'd7:  status_byte = CONFIG_ID[7:0];
            16'd8:  status_byte = IMAGE_BYTES[31:24];
            16'd9:  status_byte = IMAGE_BYTES[23:16];
            16'd10: status_byte = IMAGE_BYTES[15:8];
            16'd11: status_byte = IMAGE_BYTES[7:0];
            16'd12: status_byte = model_id[31:24];
            16'd13: status_byte = model_id[23:16];
            16'd14: status_byte = model_id[15:8];
            16'd15: status_byte = model_id[7:0];
            16'd16: status_byte = {7'd0, active_bank};
            16'd17: status_byte = {7'd0, ld_loading};
            16'd18: status_byte = ld_offset[31:24];
            16'd19: status_byte = ld_offset[23:16];
            16'd20: status_byte = ld_offset[15:8];
            16'd21: status_byte = ld_offset[7:0];
            16'd22: status_byte = n_windows[31:24];
            16'd23: status_byte = n_windows[23:16];
            16'd24: status_byte = n_windows[15:8];
            16'd25: status_byte = n_windows[7:0];
            16'd26: status_byte = n_verdicts[31:24];
            16'd27: status_byte = n_verdicts[23:16];
            16'd28: status_byte = n_verdicts[15:8];
            16'd29: status_byte = n_verdicts[7:0];
            16'd30: status_byte = n_crc[15:8];
            16'd31: status_byte = n_crc[7:0];
            16'd32: status_byte = n_full[15:8];
            16'd33: status_byte = n_full[7:0];
            16'd34: status_byte = n_seq[15:8];
            16'd35: status_byte = n_seq[7:0];
            16'd36: status_byte = n_trunc[15:8];
            16'd37: status_byte = n_trunc[7:0];
            16'd38: status_byte = n_other[15:8];
            16'd39: status_byte = n_other[7:0];
            16'd40: status_byte = n_dup[15:8];
            default: status_byte = n_dup[7:0];
        endcase
    end

    always @(posedge clk) begin
        if (rst || soft_reset) begin
            tx_byte <= RESPONSE_MARKER;
            tpos <= 16'd0;
            next <= 16'd1;
            mlen <= 16'hFFFF;
        end else if (frame_start) begin
            // byte 0 (the marker) was just taken
            crc_tx <= crc16_byte(16'hFFFF, RESPONSE_MARKER);
            tpos <= 16'd1;
            next <= 16'd2;
            mlen <= 16'hFFFF;
            tx_byte <= flags;
        end else if (frame_end) begin
            tx_byte <= RESPONSE_MARKER;
        end else if (tx_load) begin
            if (tpos < mlen) crc_tx <= crc_next;
            tpos <= next;
            next <= next + 16'd1;
            if (next == 16'd2)      tx_byte <= last_seq;
            else if (next == 16'd3) tx_byte <= ack_code;
            else if (next == 16'd4) tx_byte <= free_windows > 16'd255 ? 8'd255 : free_windows[7:0];
            else if (next == 16'd5) begin
                status_mode <= cmd == CMD_STATUS;
                mlen <= 16'd6 + ((cmd == CMD_STATUS) ? S[15:0] : times_rb(n_now));
                tx_byte <= (cmd == CMD_STATUS) ? S[7:0] : n_now;
            end else if (next < mlen) begin
                if (status_mode) begin
                    tx_byte <= status_byte;
                end else begin
                    ridx <= nidx;
                    rbyte <= nbyte;
                    tx_byte <= vq_data[RB*8-1-8*nbyte -: 8];
                end
            end else if (next == mlen) begin
                tx_byte <= crc_next[15:8];
            end else if (next == mlen + 16'd1) begin
                tx_byte <= crc_tx[7:0];
            end else begin
                tx_byte <= 8'h00;
            end
        end
    end
endmodule
`default_nettype wire
