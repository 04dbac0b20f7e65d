// Command and acknowledgement codes of the SPI link (docs/spi-link.md; firmware/CanIds.Core/Link/LinkProtocol.cs).
localparam [7:0] CMD_POLL        = 8'h01;
localparam [7:0] CMD_STATUS      = 8'h02;
localparam [7:0] CMD_PUSH        = 8'h03;
localparam [7:0] CMD_RESET       = 8'h04;
localparam [7:0] CMD_LOAD_BEGIN  = 8'h10;
localparam [7:0] CMD_LOAD_DATA   = 8'h11;
localparam [7:0] CMD_LOAD_COMMIT = 8'h12;

localparam [7:0] ACK_OK          = 8'd0;
localparam [7:0] ACK_CRC         = 8'd1;
localparam [7:0] ACK_LENGTH      = 8'd2;
localparam [7:0] ACK_FULL        = 8'd3;
localparam [7:0] ACK_SEQUENCE    = 8'd4;
localparam [7:0] ACK_UNKNOWN     = 8'd5;
localparam [7:0] ACK_OFFSET      = 8'd6;
localparam [7:0] ACK_IMAGE_CRC   = 8'd7;
localparam [7:0] ACK_INCOMPLETE  = 8'd8;
localparam [7:0] ACK_TRUNCATED   = 8'd9;
localparam [7:0] ACK_DUPLICATE   = 8'd10;
localparam [7:0] ACK_BUSY        = 8'd11;
localparam [7:0] ACK_CONFIG      = 8'd12;
localparam [7:0] ACK_NONE        = 8'd255;

localparam [7:0] RESPONSE_MARKER = 8'h5A;
