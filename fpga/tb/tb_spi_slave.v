// spi_slave: an SPI mode-0 master (SCLK a quarter of the core clock) sends random frames of random bytes: every byte
// arrives on rx_byte, the bytes offered on tx_byte come out on MISO in order, frames start and end with their
// pulses, and a frame cut inside a byte is flagged partial.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    reg        rst = 1, sclk = 0, cs_n = 1, mosi = 0;
    wire       miso, active, frame_start, frame_end, frame_partial, rx_valid, tx_load;
    wire [7:0] rx_byte;
    reg  [7:0] tx_seq [0:255];
    reg  [7:0] tx_idx = 0;
    wire [7:0] tx_byte = tx_seq[tx_idx];
    spi_slave dut (.clk(clk), .rst(rst), .sclk(sclk), .cs_n(cs_n), .mosi(mosi), .miso(miso), .active(active),
        .frame_start(frame_start), .frame_end(frame_end), .frame_partial(frame_partial), .rx_valid(rx_valid),
        .rx_byte(rx_byte), .tx_load(tx_load), .tx_byte(tx_byte));

    reg [7:0] rx_seen [0:255];
    integer rx_count = 0, starts = 0, ends = 0, partial = 0;
    always @(posedge clk) begin
        if (frame_start || tx_load) tx_idx <= tx_idx + 1;
        if (rx_valid) begin rx_seen[rx_count] = rx_byte; rx_count = rx_count + 1; end
        if (frame_start) begin starts = starts + 1; tx_idx <= 1; end
        if (frame_end) begin ends = ends + 1; partial = frame_partial; tx_idx <= 0; end
    end

    task half; begin repeat (4) @(posedge clk); #1; end endtask

    reg [7:0] sent [0:255];
    reg [7:0] got;
    integer f, n, b, i, bits;
    initial begin
        repeat (3) @(posedge clk); #1 rst = 0;
        for (f = 0; f < 60; f = f + 1) begin
            n = 1 + $urandom % 20;
            for (i = 0; i < 256; i = i + 1) tx_seq[i] = $urandom;
            rx_count = 0;
            cs_n = 0; half; half;
            for (b = 0; b < n; b = b + 1) begin
                sent[b] = $urandom;
                for (i = 7; i >= 0; i = i - 1) begin
                    mosi = sent[b][i]; half;
                    sclk = 1; got[i] = miso; half;
                    sclk = 0;
                end
                if (got !== tx_seq[b]) begin $display("FAIL spi_slave: frame %0d byte %0d: MISO %h, offered %h", f, b, got, tx_seq[b]); $fatal(1); end
            end
            // Every third frame is cut three bits into another byte.
            bits = f % 3 == 2 ? 3 : 0;
            for (i = 0; i < bits; i = i + 1) begin mosi = 1; half; sclk = 1; half; sclk = 0; end
            half; cs_n = 1; half; half;
            if (rx_count != n) begin $display("FAIL spi_slave: frame %0d: %0d bytes received of %0d", f, rx_count, n); $fatal(1); end
            for (b = 0; b < n; b = b + 1)
                if (rx_seen[b] !== sent[b]) begin $display("FAIL spi_slave: frame %0d byte %0d: received %h, sent %h", f, b, rx_seen[b], sent[b]); $fatal(1); end
            if (starts != f + 1 || ends != f + 1 || partial != (bits != 0)) begin
                $display("FAIL spi_slave: frame %0d: %0d starts, %0d ends, partial %0d", f, starts, ends, partial); $fatal(1);
            end
        end
        $display("PASS spi_slave: 60 frames, MOSI and MISO bytes exact, cut frames flagged");
        $finish;
    end
endmodule
`default_nettype wire
