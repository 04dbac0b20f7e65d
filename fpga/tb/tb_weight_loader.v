// weight_loader: payload bytes land word by word, lane by lane, memory after memory as the layout says; a rejected
// chunk is forgotten (cursor and CRC back to the last accepted byte) and its bytes land again when resent; offset
// and CRC-32 (checked against a bitwise CRC here) cover the accepted bytes only; bytes past the image are ignored.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    localparam integer NMEM = 3, IMAGE = 2 * 4 + 3 * 2 + 1 * 5, AW = 4;
    // memory m: bytes per word and words (m = 0 in the low bits)
    localparam [32*NMEM-1:0] BYTES = {32'd1, 32'd3, 32'd2};
    localparam [32*NMEM-1:0] DEPTH = {32'd5, 32'd2, 32'd4};
    reg        rst = 1, begin_load = 0, byte_we = 0, accept = 0, reject = 0, finish = 0;
    reg  [7:0] byte_data = 0;
    wire       loading, ld_we;
    wire [15:0] offset;
    wire [31:0] crc;
    wire [7:0] ld_mem, ld_lane, ld_data;
    wire [AW-1:0] ld_addr;
    weight_loader #(.NMEM(NMEM), .MEM_BYTES(BYTES), .MEM_DEPTH(DEPTH), .IMAGE_BYTES(IMAGE), .AW(AW), .OW(16)) dut (
        .clk(clk), .rst(rst), .begin_load(begin_load), .byte_we(byte_we), .byte_data(byte_data), .accept(accept), .reject(reject),
        .finish(finish), .loading(loading), .offset(offset), .crc(crc), .ld_we(ld_we), .ld_mem(ld_mem), .ld_addr(ld_addr),
        .ld_lane(ld_lane), .ld_data(ld_data));

    reg [7:0] mem [0:NMEM-1][0:15][0:7];
    always @(posedge clk) if (ld_we) mem[ld_mem][ld_addr][ld_lane] <= ld_data;

    function [31:0] crc32(input [31:0] c, input [7:0] b);
        integer k;
        begin
            crc32 = c ^ b;
            for (k = 0; k < 8; k = k + 1) crc32 = crc32[0] ? (crc32 >> 1) ^ 32'hEDB88320 : crc32 >> 1;
        end
    endfunction

    task pulse(inout reg sig); begin sig = 1; @(posedge clk); #1 sig = 0; end endtask

    reg [7:0] image [0:IMAGE+7];
    reg [31:0] want_crc;
    integer round, at, n, k, m, w, l, i;
    initial begin
        @(posedge clk); #1 rst = 0;
        for (round = 0; round < 50; round = round + 1) begin
            for (k = 0; k < IMAGE + 8; k = k + 1) image[k] = $urandom;
            pulse(begin_load);
            at = 0;
            while (at < IMAGE + 8) begin                 // 8 bytes past the image: ignored
                n = 1 + $urandom % 5;
                if (at + n > IMAGE + 8) n = IMAGE + 8 - at;
                for (k = 0; k < n; k = k + 1) begin byte_we = 1; byte_data = image[at + k]; @(posedge clk); #1; end
                byte_we = 0;
                if ($urandom % 3 == 0) pulse(reject); else begin pulse(accept); at = at + n; end
                want_crc = 32'hFFFFFFFF;
                for (k = 0; k < (at < IMAGE ? at : IMAGE); k = k + 1) want_crc = crc32(want_crc, image[k]);
                if (offset !== (at < IMAGE ? at : IMAGE) || crc !== ~want_crc) begin
                    $display("FAIL weight_loader: after %0d accepted bytes offset %0d crc %h, expected %h", at, offset, crc, ~want_crc); $fatal(1);
                end
            end
            pulse(finish);
            if (loading) begin $display("FAIL weight_loader: still loading after finish"); $fatal(1); end
            k = 0;
            for (m = 0; m < NMEM; m = m + 1) for (w = 0; w < DEPTH[32*m +: 8]; w = w + 1) for (l = 0; l < BYTES[32*m +: 8]; l = l + 1) begin
                if (mem[m][w][l] !== image[k]) begin $display("FAIL weight_loader: memory %0d word %0d lane %0d is %h, image byte %0d is %h", m, w, l, mem[m][w][l], k, image[k]); $fatal(1); end
                k = k + 1;
            end
        end
        $display("PASS weight_loader: 50 images in random chunks, rejected chunks resent");
        $finish;
    end
endmodule
`default_nettype wire
