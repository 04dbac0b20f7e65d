// Verdicts waiting for the MCU (docs/spi-link.md). Every verdict advances `judged`, the tag of the newest judged frame;
// only recorded verdicts (attacks; every verdict in the debug build) take a slot in the record memory. A response
// reads records without removing them and tells the MCU which frames it covers; the records go only when a later
// intact command acknowledges exactly that response, so a response lost to a corrupted transfer is sent again.
`default_nettype none
module verdict_queue #(
    parameter integer RW = 24,              // record bits (tag in the top 16)
    parameter integer AW = 5                // 2^AW records
) (
    input  wire          clk,
    input  wire          rst,
    // from the pipeline
    input  wire          verdict_we,        // a frame was judged
    input  wire [15:0]   verdict_tag,
    input  wire          record_we,         // ... and its verdict is recorded
    input  wire [RW-1:0] record,
    output wire          space,             // room for two more records (one may be on its way)
    output wire          waiting,           // verdicts the MCU has not acknowledged
    // a response: its snapshot when chip select falls, its record reads, and what it covered
    input  wire          snap,
    output reg  [15:0]   snap_judged,
    output reg  [AW:0]   snap_pending,
    output reg  [15:0]   acked,             // judged of the last response the MCU acknowledged (steady during a transfer)
    /* verilator lint_off UNUSEDSIGNAL */  // an index is below 2^AW; the composer counts in AW + 1 bits
    input  wire [AW:0]   rd_index,          // record rd_index after the oldest unreleased one
    /* verilator lint_on UNUSEDSIGNAL */
    output reg  [RW-1:0] rd_data,           // record rd_index, one cycle after rd_index (block RAM read)
    input  wire          sent,              // the response ended, covering frames up to sent_judged
    input  wire [15:0]   sent_judged,
    input  wire [AW:0]   sent_count,        // with this many records
    // the acknowledgement carried by an intact command: the judged tag of the last response the MCU received
    input  wire          ack_en,
    input  wire [15:0]   ack_tag
);
    `include "link_protocol.vh"

    reg [RW-1:0] mem [0:(1<<AW)-1];
    reg [AW:0]   wr_ptr, rd_ptr;
    reg [15:0]   judged;
    reg [AW:0]   snap_base;                 // rd_ptr when this transfer's response was composed
    reg [15:0]   last_judged;               // the previous response: frames covered
    reg [AW:0]   last_end;                  // ... and where its records ended
    reg [15:0]   cmp_judged;                // the response an acknowledgement in this transfer refers to
    reg [AW:0]   cmp_end;

    wire [AW:0] pending = wr_ptr - rd_ptr;
    assign space   = pending <= (1 << AW) - 2;
    assign waiting = judged != acked;
    wire [AW-1:0] at = snap_base[AW-1:0] + rd_index[AW-1:0];
    // An acknowledgement releases the records of the response it names, never anything else: not records of a
    // response the MCU did not see, and never backwards.
    wire [AW:0] advance = cmp_end - rd_ptr;
    wire        release_ok = ack_en && ack_tag == cmp_judged && advance <= pending;

    always @(posedge clk) begin
        // Registered read, so the records map to block RAM. The composer sets rd_index at least one SPI byte
        // (tens of cycles) before it sends the record's bytes.
        rd_data <= mem[at];
        if (record_we) mem[wr_ptr[AW-1:0]] <= record;
        if (rst) begin
            wr_ptr <= {(AW+1){1'b0}};
            rd_ptr <= {(AW+1){1'b0}};
            judged <= NONE_JUDGED[15:0];
            acked <= NONE_JUDGED[15:0];
            snap_base <= {(AW+1){1'b0}};
            last_judged <= NONE_JUDGED[15:0];
            last_end <= {(AW+1){1'b0}};
            cmp_judged <= NONE_JUDGED[15:0];
            cmp_end <= {(AW+1){1'b0}};
        end else begin
            if (record_we) wr_ptr <= wr_ptr + 1'b1;
            if (verdict_we) judged <= verdict_tag;
            if (snap) begin
                snap_judged <= judged;
                snap_pending <= pending;
                snap_base <= rd_ptr;
                cmp_judged <= last_judged;
                cmp_end <= last_end;
            end
            if (sent) begin
                last_judged <= sent_judged;
                last_end <= snap_base + sent_count;
            end
            if (release_ok) begin
                rd_ptr <= cmp_end;
                acked <= ack_tag;
            end
        end
    end
endmodule
`default_nettype wire
