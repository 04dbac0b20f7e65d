// CRC byte-update functions over the polynomials of firmware/CanIds.Core (Crc16Ccitt, Crc32), which
// link_protocol.vh carries. Included inside modules that need them, after link_protocol.vh.

// CRC-16/CCITT-FALSE: MSB first, start at CRC16_INITIAL, no final XOR.
function [15:0] crc16_byte;
    input [15:0] crc_in;
    input [7:0]  data;
    integer i;
    reg [15:0] c;
    begin
        c = crc_in ^ {data, 8'h00};
        for (i = 0; i < 8; i = i + 1)
            c = c[15] ? {c[14:0], 1'b0} ^ CRC16_POLYNOMIAL : {c[14:0], 1'b0};
        crc16_byte = c;
    end
endfunction

// CRC-32 (ISO-HDLC): reflected polynomial on the inverted register; callers start at CRC32_INITIAL and
// invert the result.
function [31:0] crc32_byte;
    input [31:0] crc_in;
    input [7:0]  data;
    integer i;
    reg [31:0] c;
    begin
        c = crc_in ^ {24'h000000, data};
        for (i = 0; i < 8; i = i + 1)
            c = c[0] ? (c >> 1) ^ CRC32_POLYNOMIAL : (c >> 1);
        crc32_byte = c;
    end
endfunction
