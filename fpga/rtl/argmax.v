// The output layer's accumulators arrive PE at a time, in neuron order; the class is the first of the model's
// `classes` neurons holding the largest value (ties to the lowest index, as the integer model defines; the family's
// further neurons are padding and never win). At the vector's end one verdict record goes to the queue: tag, class
// with the model bank in bit 7, and, with EMIT_ACC, every output neuron's accumulator.
`default_nettype none
module argmax #(
    parameter integer CLASSES = 8,               // output neurons (the family's most classes)
    parameter integer PE = 1,
    parameter integer ACCW = 8,
    parameter integer RW = 24                    // 24: tag and class; 24 + 16 * CLASSES: with the accumulators
) (
    input  wire               clk,
    input  wire               rst,
    input  wire               in_we,
    input  wire [15:0]        in_addr,
    input  wire [PE*ACCW-1:0] in_data,
    input  wire               in_last,
    input  wire [15:0]        in_tag,
    input  wire               in_bank,
    input  wire [7:0]         classes,           // the judging model's classes (of the vector's bank)
    output reg                rec_we,
    output reg  [RW-1:0]      rec_data,
    output reg                rec_bank
);
    reg signed [ACCW-1:0] best;
    reg [6:0]             best_idx;
    reg [CLASSES*16-1:0]  accs;
    reg signed [ACCW-1:0] cand;
    reg [6:0]             cand_idx;
    reg signed [ACCW-1:0] v;
    reg [CLASSES*16-1:0]  accs_next;
    integer p;

    reg                   cand_ok;
    reg [6:0]             idx;
    always @(*) begin
        // The best of this group's model neurons (the first of equals), then against the running best (strictly
        // greater wins).
        cand = $signed(in_data[ACCW-1:0]);
        cand_idx = 7'd0;
        cand_ok = 1'b0;
        for (p = 0; p < PE; p = p + 1) begin
            v = $signed(in_data[p*ACCW +: ACCW]);
            idx = in_addr[6:0] * PE[6:0] + p[6:0];
            if ({1'b0, idx} < classes && (!cand_ok || v > cand)) begin
                cand = v;
                cand_idx = idx;
                cand_ok = 1'b1;
            end
        end
        accs_next = accs;
        for (p = 0; p < PE; p = p + 1)
            if (in_addr * PE + p < CLASSES)
                accs_next[(CLASSES-1-(in_addr*PE + p))*16 +: 16] = {{(16-ACCW){in_data[p*ACCW+ACCW-1]}}, in_data[p*ACCW +: ACCW]};
    end

    wire take = cand_ok && (in_addr == 16'd0 || cand > best);
    wire [6:0] cls = take ? cand_idx : best_idx;
    // Record, most significant byte first: tag, {bank, class}, then class 0's accumulator first (16-bit each).
    /* verilator lint_off UNUSEDSIGNAL */  // without EMIT_ACC the accumulators are left out
    wire [CLASSES*16+23:0] full_record = {in_tag, in_bank, cls, accs_next};
    /* verilator lint_on UNUSEDSIGNAL */

    always @(posedge clk) begin
        rec_we <= 1'b0;
        if (!rst && in_we) begin
            if (take) begin
                best <= cand;
                best_idx <= cand_idx;
            end
            accs <= accs_next;
            if (in_last) begin
                rec_we   <= 1'b1;
                rec_bank <= in_bank;
                rec_data <= full_record[CLASSES*16+23 -: RW];
            end
        end
    end
endmodule
`default_nettype wire
