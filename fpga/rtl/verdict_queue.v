// Verdict records waiting for the MCU. A response reads records without removing them; they are removed when a
// later, CRC-checked command acknowledges them (cumulative count, as in docs/spi-link.md), so a response lost to a
// corrupted transfer is simply sent again.
`default_nettype none
module verdict_queue #(
    parameter integer RW = 24,              // record bits
    parameter integer AW = 5                // 2^AW records
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          wr_en,
    input  wire [RW-1:0] wr_data,
    output wire [AW:0]   pending,           // written, not yet acknowledged
    /* verilator lint_off UNUSEDSIGNAL */  // an index is below 2^AW; the link counts in AW + 1 bits
    input  wire [AW:0]   rd_index,          // record rd_index after the oldest pending one
    /* verilator lint_on UNUSEDSIGNAL */
    output reg  [RW-1:0] rd_data,           // record rd_index, one cycle after rd_index (block RAM read)
    input  wire          release_en,        // drop the oldest release_n records
    input  wire [AW:0]   release_n
);
    reg [RW-1:0] mem [0:(1<<AW)-1];
    reg [AW:0]   wr_ptr, rd_ptr;
    assign pending   = wr_ptr - rd_ptr;
    wire has_space = pending != (1 << AW);   // the top only starts a vector with room for its record
    wire [AW-1:0] at = rd_ptr[AW-1:0] + rd_index[AW-1:0];

    always @(posedge clk) begin
        // Registered read, so the queue maps to block RAM (EBR on iCE40) instead of flip-flops. The link changes
        // rd_index at least one SPI byte (tens of cycles) before it sends the record's bytes.
        rd_data <= mem[at];
        if (wr_en && has_space) mem[wr_ptr[AW-1:0]] <= wr_data;
        if (rst) begin
            wr_ptr <= {(AW+1){1'b0}};
            rd_ptr <= {(AW+1){1'b0}};
        end else begin
            if (wr_en && has_space) wr_ptr <= wr_ptr + 1'b1;
            if (release_en) rd_ptr <= rd_ptr + release_n;
        end
    end
endmodule
`default_nettype wire
