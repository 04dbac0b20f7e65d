// CRC-16/CCITT-FALSE one byte at a time, bit by bit: the testbenches' own, independent of the RTL's table-free crc.vh.
function [15:0] crc16(input [15:0] c, input [7:0] b);
    integer i;
    begin
        crc16 = c ^ {b, 8'h00};
        for (i = 0; i < 8; i = i + 1) crc16 = crc16[15] ? (crc16 << 1) ^ 16'h1021 : crc16 << 1;
    end
endfunction
