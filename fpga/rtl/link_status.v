// The link's counters and its status block (docs/spi-link.md): what the build is, which model is active, and how many
// transfers were rejected and why. Every field sits at the offset the generated link_protocol.vh gives it, so the
// block's layout has one definition (firmware/CanIds.Core/Link/LinkProtocol.cs).
`default_nettype none
module link_status #(
    parameter integer N = 4,                   // frames per window
    parameter integer MAX_CLASSES = 8,
    parameter integer RB = 3,                  // bytes per verdict record
    parameter [7:0]   BUILD_FLAGS = 8'd0,
    parameter [31:0]  CONFIG_ID = 32'h0,
    parameter integer IMAGE_BYTES = 1,
    parameter integer FIFO_FRAMES = 25,
    parameter integer OW = 16                  // bits of a payload offset
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        soft_reset,
    // events
    input  wire        done,                   // a transfer ended, with this result, for this command
    input  wire [7:0]  result,
    input  wire [7:0]  cmd,
    input  wire        in_commit,              // frame records accepted
    input  wire [15:0] in_frames,
    input  wire        verdict_made,
    // state reported as it is
    input  wire [7:0]  classes,
    input  wire [31:0] model_id,
    input  wire        active_bank,
    input  wire        loading,
    input  wire [OW-1:0] load_offset,
    // reading
    output reg         errors,                 // a command was rejected since the last STATUS
    input  wire [7:0]  index,
    output wire [7:0]  status_byte
);
    `include "link_protocol.vh"

    reg [31:0] n_frames, n_verdicts;
    reg [15:0] n_crc, n_full, n_seq, n_trunc, n_other, n_dup;

    // At most one reject counter moves per transfer: one incrementer serves all six.
    reg [15:0] reject_count;
    always @(*) begin
        case (result)
            ACK_CRC:       reject_count = n_crc;
            ACK_FULL:      reject_count = n_full;
            ACK_SEQUENCE:  reject_count = n_seq;
            ACK_TRUNCATED: reject_count = n_trunc;
            ACK_DUPLICATE: reject_count = n_dup;
            default:       reject_count = n_other;
        endcase
    end
    wire [15:0] reject_next = reject_count + 16'd1;

    always @(posedge clk) begin
        if (rst || soft_reset) begin
            errors <= 1'b0;
            {n_frames, n_verdicts} <= 64'd0;
            {n_crc, n_full, n_seq, n_trunc, n_other, n_dup} <= 96'd0;
        end else begin
            if (in_commit) n_frames <= n_frames + {16'd0, in_frames};
            if (verdict_made) n_verdicts <= n_verdicts + 32'd1;
            if (done) begin
                if (result == ACK_OK && cmd == CMD_STATUS) errors <= 1'b0;
                if (result != ACK_OK) errors <= 1'b1;
                case (result)
                    ACK_OK:        ;
                    ACK_CRC:       n_crc <= reject_next;
                    ACK_FULL:      n_full <= reject_next;
                    ACK_SEQUENCE:  n_seq <= reject_next;
                    ACK_TRUNCATED: n_trunc <= reject_next;
                    ACK_DUPLICATE: n_dup <= reject_next;
                    default:       n_other <= reject_next;
                endcase
            end
        end
    end

    // The block byte by byte, each field at the offset link_protocol.vh gives it (big-endian): a plain mux.
    localparam integer INPUT_LEN = N * FRAME_RECORD_LENGTH;
    wire [31:0] load_offset32 = {{(32-OW){1'b0}}, load_offset};
    reg [7:0] b;
    always @(*) begin
        case ({24'd0, index})
            ST_AT_VERSION: b = LINK_VERSION;
            ST_AT_WINDOW_FRAMES: b = N[7:0];
            ST_AT_INPUT_LENGTH: b = INPUT_LEN[15:8];
            ST_AT_INPUT_LENGTH + 1: b = INPUT_LEN[7:0];
            ST_AT_MAX_CLASSES: b = MAX_CLASSES[7:0];
            ST_AT_CLASSES: b = classes;
            ST_AT_RECORD_LENGTH: b = RB[7:0];
            ST_AT_BUILD_FLAGS: b = BUILD_FLAGS;
            ST_AT_CONFIG_ID: b = CONFIG_ID[31:24];
            ST_AT_CONFIG_ID + 1: b = CONFIG_ID[23:16];
            ST_AT_CONFIG_ID + 2: b = CONFIG_ID[15:8];
            ST_AT_CONFIG_ID + 3: b = CONFIG_ID[7:0];
            ST_AT_IMAGE_BYTES: b = IMAGE_BYTES[31:24];
            ST_AT_IMAGE_BYTES + 1: b = IMAGE_BYTES[23:16];
            ST_AT_IMAGE_BYTES + 2: b = IMAGE_BYTES[15:8];
            ST_AT_IMAGE_BYTES + 3: b = IMAGE_BYTES[7:0];
            ST_AT_MODEL_ID: b = model_id[31:24];
            ST_AT_MODEL_ID + 1: b = model_id[23:16];
            ST_AT_MODEL_ID + 2: b = model_id[15:8];
            ST_AT_MODEL_ID + 3: b = model_id[7:0];
            ST_AT_ACTIVE_BANK: b = {7'd0, active_bank};
            ST_AT_LOADING: b = {7'd0, loading};
            ST_AT_LOAD_OFFSET: b = load_offset32[31:24];
            ST_AT_LOAD_OFFSET + 1: b = load_offset32[23:16];
            ST_AT_LOAD_OFFSET + 2: b = load_offset32[15:8];
            ST_AT_LOAD_OFFSET + 3: b = load_offset32[7:0];
            ST_AT_FRAMES: b = n_frames[31:24];
            ST_AT_FRAMES + 1: b = n_frames[23:16];
            ST_AT_FRAMES + 2: b = n_frames[15:8];
            ST_AT_FRAMES + 3: b = n_frames[7:0];
            ST_AT_VERDICTS: b = n_verdicts[31:24];
            ST_AT_VERDICTS + 1: b = n_verdicts[23:16];
            ST_AT_VERDICTS + 2: b = n_verdicts[15:8];
            ST_AT_VERDICTS + 3: b = n_verdicts[7:0];
            ST_AT_CRC_ERRORS: b = n_crc[15:8];
            ST_AT_CRC_ERRORS + 1: b = n_crc[7:0];
            ST_AT_FULL_REJECTS: b = n_full[15:8];
            ST_AT_FULL_REJECTS + 1: b = n_full[7:0];
            ST_AT_SEQUENCE_ERRORS: b = n_seq[15:8];
            ST_AT_SEQUENCE_ERRORS + 1: b = n_seq[7:0];
            ST_AT_TRUNCATED: b = n_trunc[15:8];
            ST_AT_TRUNCATED + 1: b = n_trunc[7:0];
            ST_AT_OTHER_REJECTS: b = n_other[15:8];
            ST_AT_OTHER_REJECTS + 1: b = n_other[7:0];
            ST_AT_DUPLICATES: b = n_dup[15:8];
            ST_AT_DUPLICATES + 1: b = n_dup[7:0];
            ST_AT_FIFO_FRAMES: b = FIFO_FRAMES[15:8];
            ST_AT_FIFO_FRAMES + 1: b = FIFO_FRAMES[7:0];
            default: b = 8'h00;
        endcase
    end
    assign status_byte = b;
endmodule
`default_nettype wire
