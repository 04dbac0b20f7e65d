// Writes a weight image payload, byte by byte and in order, into the shadow bank of every MVAU memory.
// The payload is the memories' words back to back (docs/weight-image.md): memory m has MEM_DEPTH[m] words of
// MEM_BYTES[m] bytes, little-endian. A cursor (memory, word, byte) follows the stream; like the input FIFO it is
// tentative until the transfer's CRC passes, and a rejected transfer puts it back. The running CRC-32 of the
// accepted bytes is what LOAD_COMMIT checks before the banks switch.
`default_nettype none
module weight_loader #(
    parameter integer NMEM = 9,
    parameter [32*NMEM-1:0] MEM_BYTES = {32*NMEM{1'b0}},
    parameter [32*NMEM-1:0] MEM_DEPTH = {32*NMEM{1'b0}},
    parameter integer IMAGE_BYTES = 1,
    parameter integer AW = 12,
    parameter integer OW = 16                // bits of a payload offset: enough for IMAGE_BYTES
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          begin_load,         // start a new image: cursor to 0, CRC reset
    input  wire          byte_we,            // one payload byte (tentative)
    input  wire [7:0]    byte_data,
    input  wire          accept,             // keep the tentative bytes
    input  wire          reject,             // forget them
    input  wire          finish,             // the image was committed or abandoned
    output reg           loading,
    output reg  [OW-1:0] offset,             // accepted bytes
    output wire [31:0]   crc,                // CRC-32 of the accepted bytes
    // memory write bus
    output reg           ld_we,
    output reg  [7:0]    ld_mem,
    output reg  [AW-1:0] ld_addr,
    output reg  [7:0]    ld_lane,
    output reg  [7:0]    ld_data
);
    `include "link_protocol.vh"
    `include "crc.vh"

    reg [7:0]    mem_t, mem_c;
    reg [AW-1:0] word_t, word_c;
    reg [7:0]    lane_t, lane_c;
    reg [OW-1:0] off_t;
    reg [31:0]   crc_t, crc_c;
    assign crc = ~crc_c;

    // The current memory's last lane and last word, as narrow as the cursor (the cursor's compares are per byte).
    reg [7:0]    last_lane;
    reg [AW-1:0] last_word;
    integer m;
    always @(*) begin
        last_lane = 8'd0;
        last_word = {AW{1'b0}};
        for (m = 0; m < NMEM; m = m + 1)
            if (mem_t == m[7:0]) begin
                last_lane = MEM_BYTES[32*m +: 8] - 8'd1;
                last_word = MEM_DEPTH[32*m +: AW] - 1'b1;
            end
    end

    always @(posedge clk) begin
        ld_we <= 1'b0;
        if (rst) begin
            loading <= 1'b0;
            offset <= {OW{1'b0}};
            off_t <= {OW{1'b0}};
            crc_t <= CRC32_INITIAL;
            crc_c <= CRC32_INITIAL;
            mem_t <= 8'd0; word_t <= {AW{1'b0}}; lane_t <= 8'd0;
            mem_c <= 8'd0; word_c <= {AW{1'b0}}; lane_c <= 8'd0;
        end else if (begin_load) begin
            loading <= 1'b1;
            offset <= {OW{1'b0}};
            off_t <= {OW{1'b0}};
            crc_t <= CRC32_INITIAL;
            crc_c <= CRC32_INITIAL;
            mem_t <= 8'd0; word_t <= {AW{1'b0}}; lane_t <= 8'd0;
            mem_c <= 8'd0; word_c <= {AW{1'b0}}; lane_c <= 8'd0;
        end else if (finish) begin
            loading <= 1'b0;
        end else if (reject) begin
            off_t <= offset;
            crc_t <= crc_c;
            mem_t <= mem_c; word_t <= word_c; lane_t <= lane_c;
        end else if (accept) begin
            offset <= off_t;
            crc_c <= crc_t;
            mem_c <= mem_t; word_c <= word_t; lane_c <= lane_t;
        end else if (byte_we && loading && off_t < IMAGE_BYTES[OW-1:0]) begin
            ld_we   <= 1'b1;
            ld_mem  <= mem_t;
            ld_addr <= word_t;
            ld_lane <= lane_t;
            ld_data <= byte_data;
            off_t   <= off_t + 1'b1;
            crc_t   <= crc32_byte(crc_t, byte_data);
            if (lane_t == last_lane) begin
                lane_t <= 8'd0;
                if (word_t == last_word) begin
                    word_t <= {AW{1'b0}};
                    mem_t  <= mem_t + 8'd1;
                end else begin
                    word_t <= word_t + 1'b1;
                end
            end else begin
                lane_t <= lane_t + 8'd1;
            end
        end
    end
endmodule
`default_nettype wire
