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
    parameter integer AW = 12
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
    output reg  [31:0]   offset,             // accepted bytes
    output wire [31:0]   crc,                // CRC-32 of the accepted bytes
    // memory write bus
    output reg           ld_we,
    output reg  [7:0]    ld_mem,
    output reg  [AW-1:0] ld_addr,
    output reg  [7:0]    ld_lane,
    output reg  [7:0]    ld_data
);
    `include "crc.vh"

    reg [7:0]    mem_t, mem_c;
    reg [AW-1:0] word_t, word_c;
    reg [7:0]    lane_t, lane_c;
    reg [31:0]   off_t;
    reg [31:0]   crc_t, crc_c;
    assign crc = ~crc_c;

    reg [31:0] bytes_here, depth_here;
    integer m;
    always @(*) begin
        bytes_here = 32'd1;
        depth_here = 32'd1;
        for (m = 0; m < NMEM; m = m + 1)
            if (mem_t == m[7:0]) begin
                bytes_here = MEM_BYTES[32*m +: 32];
                depth_here = MEM_DEPTH[32*m +: 32];
            end
    end

    always @(posedge clk) begin
        ld_we <= 1'b0;
        if (rst) begin
            loading <= 1'b0;
            offset <= 32'd0;
            off_t <= 32'd0;
            crc_t <= 32'hFFFFFFFF;
            crc_c <= 32'hFFFFFFFF;
            mem_t <= 8'd0; word_t <= {AW{1'b0}}; lane_t <= 8'd0;
            mem_c <= 8'd0; word_c <= {AW{1'b0}}; lane_c <= 8'd0;
        end else if (begin_load) begin
            loading <= 1'b1;
            offset <= 32'd0;
            off_t <= 32'd0;
            crc_t <= 32'hFFFFFFFF;
            crc_c <= 32'hFFFFFFFF;
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
        end else if (byte_we && loading && off_t < IMAGE_BYTES) begin
            ld_we   <= 1'b1;
            ld_mem  <= mem_t;
            ld_addr <= word_t;
            ld_lane <= lane_t;
            ld_data <= byte_data;
            off_t   <= off_t + 32'd1;
            crc_t   <= crc32_byte(crc_t, byte_data);
            if ({24'd0, lane_t} == bytes_here - 32'd1) begin
                lane_t <= 8'd0;
                if ({{(32-AW){1'b0}}, word_t} == depth_here - 32'd1) begin
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
