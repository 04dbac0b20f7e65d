// The MISO half of the SPI link (docs/spi-link.md): composes each transfer's response byte by byte while the command
// comes in on MOSI.
//
//   MISO: 0x5A, flags, last_seq, ack_code, free, judged[15:8], judged[7:0], n, n records (or the status block), crc16
//
// The response is composed from the state when chip select fell (the verdict queue's snapshot), because this
// transfer's own command is only known to be intact at its end. `judged` is the tag of the newest frame the response
// covers: every verdict up to it that is not in the records is benign. When more records wait than the MCU asked for
// (rd, MOSI byte 2), judged stops just before the first record left out.
`default_nettype none
module link_tx #(
    parameter integer RB = 3,                  // bytes per verdict record
    parameter integer VQ_AW = 5
) (
    input  wire               clk,
    input  wire               rst,
    // SPI byte interface
    input  wire               frame_start,
    input  wire               frame_end,
    input  wire               tx_load,
    output reg  [7:0]         tx_byte,
    // this transfer's command, as it arrives
    input  wire [7:0]         cmd,
    input  wire [7:0]         rd,
    // header fields
    input  wire [7:0]         flags,
    input  wire [7:0]         last_seq,
    input  wire [7:0]         ack_code,
    input  wire [7:0]         free,
    // verdict queue
    input  wire [15:0]        snap_judged,
    input  wire [VQ_AW:0]     snap_pending,
    input  wire [15:0]        acked,
    output wire [VQ_AW:0]     vq_index,
    input  wire [RB*8-1:0]    vq_data,
    output reg                sent,
    output reg  [15:0]        sent_judged,
    output reg  [VQ_AW:0]     sent_count,
    // status block
    output wire [7:0]         status_index,
    input  wire [7:0]         status_byte
);
    `include "link_protocol.vh"
    `include "crc.vh"

    localparam integer HL = RESPONSE_HEADER_LENGTH;
    localparam integer PW = 11;                // byte positions: the longest response is far shorter; they saturate
    localparam [PW-1:0] AT_LAST_SEQ = RSP_AT_LAST_SEQ[PW-1:0], AT_ACK_CODE = RSP_AT_ACK_CODE[PW-1:0], AT_FREE = RSP_AT_FREE[PW-1:0],
                        AT_JUDGED = RSP_AT_JUDGED[PW-1:0], AT_COUNT = RSP_AT_COUNT[PW-1:0], AT_DATA = HL[PW-1:0];

    reg [PW-1:0] tpos;                         // position of the byte now in tx_byte
    reg [PW-1:0] next;                         // tpos + 1, kept in a register: off the byte-select path (iCE40 Fmax)
    reg [PW-1:0] mlen;                         // bytes covered by the response CRC
    reg [15:0] crc_tx;
    reg        status_mode;
    reg [VQ_AW:0] ridx;                        // record of the byte now in tx_byte
    reg [7:0]  rbyte;
    reg [15:0] j_resp;                         // judged, as this response tells it
    reg [VQ_AW:0] n_resp;                      // records in this response
    reg        j_done;

    wire [15:0] crc_next = crc16_byte(crc_tx, tx_byte);
    wire        is_status = cmd == CMD_STATUS;
    wire [VQ_AW:0] want = ({{(8-VQ_AW-1){1'b0}}, snap_pending} < rd) ? snap_pending : rd[VQ_AW:0];
    wire [VQ_AW:0] n_now = is_status ? {(VQ_AW+1){1'b0}} : want;
    // The tag of the first record left out (read at index n_now before the records stream): judged stops before it.
    wire [15:0] first_left = vq_data[RB*8-1 -: 16];
    wire [15:0] j_now = is_status ? acked : (n_now < snap_pending) ? first_left - 16'd1 : snap_judged;

    wire           streaming = next >= AT_DATA;
    wire           next_first_data = next == AT_DATA;
    wire [VQ_AW:0] nidx = next_first_data ? {(VQ_AW+1){1'b0}} : (rbyte == RB[7:0] - 8'd1) ? ridx + 1'b1 : ridx;
    wire [7:0]     nbyte = next_first_data ? 8'd0 : (rbyte == RB[7:0] - 8'd1) ? 8'd0 : rbyte + 8'd1;
    assign vq_index = streaming ? nidx : n_now;
    assign status_index = next[7:0] - AT_DATA[7:0];

    // n x RB with shifts and adds: a constant product, no multiplier.
    function [PW-1:0] times_rb;
        input [VQ_AW:0] n;
        integer b;
        begin
            times_rb = {PW{1'b0}};
            for (b = 0; b < 8; b = b + 1)
                if (RB[b]) times_rb = times_rb + ({{(PW-1-VQ_AW){1'b0}}, n} << b);
        end
    endfunction

    always @(posedge clk) begin
        sent <= 1'b0;
        if (rst) begin
            tx_byte <= RESPONSE_MARKER;
            tpos <= {PW{1'b0}};
            next <= {{(PW-1){1'b0}}, 1'b1};
            mlen <= {PW{1'b1}};
            j_done <= 1'b0;
        end else if (frame_start) begin
            // byte 0 (the marker) was just taken
            crc_tx <= crc16_byte(CRC16_INITIAL, RESPONSE_MARKER);
            tpos <= {{(PW-1){1'b0}}, 1'b1};
            next <= {{(PW-2){1'b0}}, 2'd2};
            mlen <= {PW{1'b1}};
            tx_byte <= flags;
            j_done <= 1'b0;
        end else if (frame_end) begin
            tx_byte <= RESPONSE_MARKER;
            sent <= 1'b1;
            sent_judged <= j_done ? j_resp : acked;   // cut before judged was sent: it covered nothing new
            sent_count <= j_done ? n_resp : {(VQ_AW+1){1'b0}};
        end else if (tx_load) begin
            if (tpos < mlen) crc_tx <= crc_next;
            tpos <= next;
            if (next != {PW{1'b1}}) next <= next + 1'b1; // past the response only zeros follow: saturate
            if (next == AT_LAST_SEQ)          tx_byte <= last_seq;
            else if (next == AT_ACK_CODE)     tx_byte <= ack_code;
            else if (next == AT_FREE)         tx_byte <= free;
            else if (next == AT_JUDGED) begin
                j_resp <= j_now;
                n_resp <= n_now;
                j_done <= 1'b1;
                tx_byte <= j_now[15:8];
            end else if (next == AT_JUDGED + 1'b1) tx_byte <= j_resp[7:0];
            else if (next == AT_COUNT) begin
                status_mode <= is_status;
                mlen <= AT_DATA + (is_status ? STATUS_LENGTH[PW-1:0] : times_rb(n_resp));
                tx_byte <= is_status ? STATUS_LENGTH[7:0] : {{(7-VQ_AW){1'b0}}, n_resp};
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
            end else if (next == mlen + 1'b1) begin
                tx_byte <= crc_tx[7:0];
            end else begin
                tx_byte <= 8'h00;
            end
        end
    end
endmodule
`default_nettype wire
