// SPI slave, mode 0 (CPOL 0, CPHA 0), MSB first, oversampled in the core clock domain.
// SCLK, CS_N and MOSI are asynchronous to clk: each passes a two-flop synchroniser before any logic sees it,
// and edges are detected on the synchronised copies. This needs f_clk >= 8 x f_sclk (docs/fpga.md).
// Byte interface: rx_valid pulses with each received byte; the byte to send next is sampled from tx_byte when a
// byte starts (CS falling for byte 0, the first SCLK falling edge after a byte for the others), and tx_load pulses
// then so the link layer can prepare the one after it.
`default_nettype none
module spi_slave (
    input  wire       clk,
    input  wire       rst,
    input  wire       sclk,
    input  wire       cs_n,
    input  wire       mosi,
    output reg        miso,
    output wire       active,        // CS asserted (synchronised)
    output reg        frame_start,   // pulse: CS asserted; tx_byte is taken as byte 0
    output reg        frame_end,     // pulse: CS released
    output reg        frame_partial, // with frame_end: CS rose in the middle of a byte
    output reg        rx_valid,      // pulse: rx_byte holds a complete byte
    output reg  [7:0] rx_byte,
    output reg        tx_load,       // pulse: tx_byte was taken (byte 1 onwards)
    input  wire [7:0] tx_byte
);
    reg [2:0] sclk_s;
    reg [2:0] cs_s;
    reg [1:0] mosi_s;

    always @(posedge clk) begin
        sclk_s <= {sclk_s[1:0], sclk};
        cs_s   <= {cs_s[1:0], cs_n};
        mosi_s <= {mosi_s[0], mosi};
    end

    wire sclk_rise = sclk_s[1] & ~sclk_s[2];
    wire sclk_fall = ~sclk_s[1] & sclk_s[2];
    wire cs_fall   = ~cs_s[1] & cs_s[2];
    wire cs_rise   = cs_s[1] & ~cs_s[2];
    assign active  = ~cs_s[1];

    reg [2:0] bit_count;
    reg [6:0] rx_shift;
    reg [6:0] tx_shift;           // the bits of the current byte still to send
    reg       byte_done;   // a byte just completed: the next falling edge starts the next one

    always @(posedge clk) begin
        frame_start <= 1'b0;
        frame_end   <= 1'b0;
        rx_valid    <= 1'b0;
        tx_load     <= 1'b0;
        if (rst) begin
            bit_count <= 3'd0;
            byte_done <= 1'b0;
            miso      <= 1'b0;
            frame_partial <= 1'b0;
            tx_shift  <= 7'h00;
            rx_shift  <= 7'h00;
            rx_byte   <= 8'h00;
        end else if (cs_fall) begin
            bit_count   <= 3'd0;
            byte_done   <= 1'b0;
            tx_shift    <= tx_byte[6:0];
            miso        <= tx_byte[7];
            frame_start <= 1'b1;
        end else if (cs_rise) begin
            frame_end     <= 1'b1;
            frame_partial <= bit_count != 3'd0;
            miso          <= 1'b0;
        end else if (active) begin
            if (sclk_rise) begin
                rx_shift  <= {rx_shift[5:0], mosi_s[1]};
                bit_count <= bit_count + 3'd1;
                if (bit_count == 3'd7) begin
                    rx_byte   <= {rx_shift, mosi_s[1]};
                    rx_valid  <= 1'b1;
                    byte_done <= 1'b1;
                end
            end else if (sclk_fall) begin
                if (byte_done) begin
                    tx_shift  <= tx_byte[6:0];
                    miso      <= tx_byte[7];
                    tx_load   <= 1'b1;
                    byte_done <= 1'b0;
                end else begin
                    tx_shift <= {tx_shift[5:0], 1'b0};
                    miso     <= tx_shift[6];
                end
            end
        end
    end
endmodule
`default_nettype wire
