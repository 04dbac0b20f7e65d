// CRC byte-update functions, the same polynomials as firmware/CanIds.Core (Crc16Ccitt, Crc32).
// Included inside modules that need them.

// CRC-16/CCITT-FALSE: poly 0x1021, MSB first, init 0xFFFF, no final XOR.
function [15:0] crc16_byte;
    input [15:0] crc_in;
    input [7:0]  data;
    integer i;
    reg [15:0] c;
    begin
        c = crc_in ^ {data, 8'h00};
        for (i = 0; i < 8; i = i + 1)
            c = c[15] ? {c[14:0], 1'b0} ^ 16'h1021 : {c[14:0], 1'b0};
        crc16_byte = c;
    end
endfunction

// CRC-32 (ISO-HDLC): reflected poly 0xEDB88320 on the inverted register; callers start at 0xFFFFFFFF and
// invert the result.
function [31:0] crc32_byte;
    input [31:0] crc_in;
    input [7:0]  data;
    integer i;
    reg [31:0] c;
    begin
        c = crc_in ^ {24'h000000, data};
        for (i = 0; i < 8; i = i + 1)
            c = c[0] ? (c >> 1) ^ 32'hEDB88320 : (c >> 1);
        crc32_byte = c;
    end
endfunction
