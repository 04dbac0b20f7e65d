// Matrix-vector-activation unit: one fully connected layer of the integer model, FINN-style.
// MH neurons over MW inputs, folded: PE neurons and SIMD inputs per cycle, so one vector takes NF x SF cycles
// (NF = MH/PE, SF = MW/SIMD). Hidden layers (AB > 0) output, per neuron, the number of its 2^AB - 1 ascending
// thresholds the accumulator reaches (acc >= T); the output layer (AB = 0) outputs its accumulators.
//
// The input vector arrives in a ping-pong buffer (vec_buffer), IN_PAR elements per write in element order, so the previous layer fills one bank
// while this layer works on the other. Weights and thresholds sit in single-port RAMs of two banks each; a vector
// uses the bank it was tagged with when it entered the pipeline, and the loader writes the other (shadow) bank,
// pausing issue for the cycle it writes one of this layer's RAMs.
//
// Pipeline: issue (RAM address) -> S1 (weights, inputs, thresholds) -> S2 (per-PE dot products of SIMD lanes)
// -> S3 (accumulate; on the last fold: threshold compare and write to the next layer).
`default_nettype none
module mvau #(
    parameter integer MW = 40,
    parameter integer MH = 256,
    parameter integer PE = 1,
    parameter integer SIMD = 10,
    parameter integer WB = 2,          // weight bits: 1 = bipolar {-1,+1}, else signed narrow range
    parameter integer IB = 8,          // unsigned input bits
    parameter integer AB = 2,          // activation bits; 0 = output layer
    parameter integer ACCW = 15,       // accumulator and threshold bits
    parameter integer IN_PAR = 1,      // input elements per buffer write
    parameter integer MEM_W = 0,       // loader index of the weight memory (thresholds: MEM_W + 1)
    parameter integer LD_AW = 12,      // loader address bits
    parameter integer W_STYLE = 0,         // ram_sp STYLE of the weight memory
    parameter integer T_STYLE = 0,         // ram_sp STYLE of the threshold memory
    parameter         W_INIT = "",
    parameter         T_INIT = "",
    parameter integer OUT_W = (AB == 0) ? PE * ACCW : PE * AB
) (
    input  wire                    clk,
    input  wire                    rst,
    // input buffer write port (from the previous layer or the window feeder)
    input  wire                    in_we,
    input  wire [IN_PAR*IB-1:0]    in_data,
    input  wire                    in_last,      // this write completes the vector
    input  wire [15:0]             in_tag,
    input  wire                    in_bank,
    output wire                    in_ready,     // the bank being written is free
    // output (to the next layer's input buffer, or to argmax)
    output reg                     out_we,
    output reg  [15:0]             out_addr,     // neuron fold nf: neurons nf*PE .. nf*PE+PE-1
    output reg  [OUT_W-1:0]        out_data,
    output reg                     out_last,
    output reg  [15:0]             out_tag,
    output reg                     out_bank,
    input  wire                    out_ready,    // the receiver can take a whole vector
    // loader write port (shared by every memory)
    input  wire                    ld_we,
    input  wire [7:0]              ld_mem,
    input  wire                    ld_bank,
    input  wire [LD_AW-1:0]        ld_addr,
    input  wire [7:0]              ld_lane,
    input  wire [7:0]              ld_data
);
    localparam integer NF = MH / PE;
    localparam integer SF = MW / SIMD;
    localparam integer NT = (AB == 0) ? 1 : (1 << AB) - 1;     // thresholds per neuron (1: unused)
    localparam integer WW = PE * SIMD * WB;                     // weight word bits
    localparam integer WWB = (WW + 7) / 8 * 8;                  // padded to bytes
    localparam integer TW = PE * NT * ACCW;                     // threshold word bits
    localparam integer TWB = (TW + 7) / 8 * 8;
    localparam integer WDEPTH = NF * SF;
    localparam integer WAW = $clog2(2 * WDEPTH);
    localparam integer TAW = $clog2(2 * NF);
    localparam integer NFW = (NF > 1) ? $clog2(NF) : 1;
    localparam integer SFW = (SF > 1) ? $clog2(SF) : 1;
    localparam integer WCW = (WDEPTH > 1) ? $clog2(WDEPTH) : 1;
    localparam integer PW = IB + WB + 1;                        // product bits
    localparam integer SUMW = PW + $clog2(SIMD + 1);            // dot-product bits
    // Left to the tool, memories deeper than 256 words go to block RAM (LUT RAM that deep costs more LUTs than it
    // saves, and yosys 0.23 cannot map single-port LUT RAM beyond 256 words).
    localparam integer W_STYLE_EFF = (W_STYLE == 0 && 2 * NF * SF > 256) ? 1 : W_STYLE;
    localparam integer T_STYLE_EFF = (T_STYLE == 0 && 2 * NF > 256) ? 1 : T_STYLE;

    // ------------------------------------------------------------------ input ping-pong buffer
    reg [1:0]  full;
    reg [15:0] btag0, btag1;
    reg        bbank0, bbank1;
    reg        wsel, rsel;
    assign in_ready = ~full[wsel];
    wire [SIMD*IB-1:0] x_fold;

    // ------------------------------------------------------------------ issue control
    reg            running;
    reg [NFW-1:0]  nf;
    reg [SFW-1:0]  sf;
    reg [WCW-1:0]  waddr;          // nf * SF + sf
    reg [15:0]     cur_tag;
    reg            cur_bank;
    reg            v1, v2;
    wire ld_mine = ld_we && (ld_mem == MEM_W[7:0] || (AB != 0 && ld_mem == MEM_W[7:0] + 8'd1));
    wire issue = running && !ld_mine;
    wire last_sf = (sf == SF[SFW-1:0] - 1'b1) || SF == 1;
    wire last_nf = (nf == NF[NFW-1:0] - 1'b1) || NF == 1;
    wire drained = !running && !v1 && !v2 && !out_we;
    wire start = drained && full[rsel] && out_ready;

    always @(posedge clk) begin
        if (rst) begin
            full <= 2'b00;
            wsel <= 1'b0;
            rsel <= 1'b0;
            running <= 1'b0;
            nf <= {NFW{1'b0}};
            sf <= {SFW{1'b0}};
            waddr <= {WCW{1'b0}};
        end else begin
            if (in_we && in_last) begin
                if (wsel) begin btag1 <= in_tag; bbank1 <= in_bank; end
                else      begin btag0 <= in_tag; bbank0 <= in_bank; end
                wsel <= ~wsel;
            end
            if (start) begin
                running  <= 1'b1;
                cur_tag  <= rsel ? btag1 : btag0;
                cur_bank <= rsel ? bbank1 : bbank0;
            end
            if (issue) begin
                if (last_sf) begin
                    sf <= {SFW{1'b0}};
                    if (last_nf) begin
                        nf <= {NFW{1'b0}};
                        running <= 1'b0;
                        rsel <= ~rsel;
                    end else begin
                        nf <= nf + 1'b1;
                    end
                end else begin
                    sf <= sf + 1'b1;
                end
                waddr <= (last_sf && last_nf) ? {WCW{1'b0}} : waddr + 1'b1;
            end
            // Set on the completing write, cleared when the last fold was issued (both may happen in one cycle).
            full <= (full | ((in_we && in_last) ? (wsel ? 2'b10 : 2'b01) : 2'b00))
                  & ~((issue && last_sf && last_nf) ? (rsel ? 2'b10 : 2'b01) : 2'b00);
        end
    end

    // ------------------------------------------------------------------ memories
    // Bank b of a memory of D words occupies words [b*D, b*D + D).
    /* verilator lint_off UNUSEDSIGNAL */  // words are padded to whole bytes
    wire [WWB-1:0] wdata;
    wire [TWB-1:0] tdata;
    /* verilator lint_on UNUSEDSIGNAL */
    wire           w_ld = ld_we && ld_mem == MEM_W[7:0];
    wire [WAW-1:0] w_rd_addr = (cur_bank ? WDEPTH[WAW-1:0] : {WAW{1'b0}}) + {{(WAW-WCW){1'b0}}, waddr};
    /* verilator lint_off UNUSEDSIGNAL */  // the loader's address is as wide as the deepest memory's
    wire [31:0]    ld_addr32 = {{(32-LD_AW){1'b0}}, ld_addr};
    /* verilator lint_on UNUSEDSIGNAL */
    wire [WAW-1:0] w_ld_addr = (ld_bank ? WDEPTH[WAW-1:0] : {WAW{1'b0}}) + ld_addr32[WAW-1:0];
    wire [WWB/8-1:0] w_lanes = w_ld ? ({{(WWB/8-1){1'b0}}, 1'b1} << ld_lane) : {(WWB/8){1'b0}};

    ram_sp #(.WIDTH(WWB), .DEPTH(2 * WDEPTH), .AW(WAW), .STYLE(W_STYLE_EFF), .INIT_FILE(W_INIT)) weights (
        .clk(clk), .addr(w_ld ? w_ld_addr : w_rd_addr), .we(w_ld), .lane_we(w_lanes), .wdata(ld_data), .rdata(wdata));

    generate
        if (AB != 0) begin : g_thresholds
            wire           t_ld = ld_we && ld_mem == MEM_W[7:0] + 8'd1;
            wire [TAW-1:0] t_rd_addr = (cur_bank ? NF[TAW-1:0] : {TAW{1'b0}}) + {{(TAW-NFW){1'b0}}, nf};
            wire [TAW-1:0] t_ld_addr = (ld_bank ? NF[TAW-1:0] : {TAW{1'b0}}) + ld_addr32[TAW-1:0];
            wire [TWB/8-1:0] t_lanes = t_ld ? ({{(TWB/8-1){1'b0}}, 1'b1} << ld_lane) : {(TWB/8){1'b0}};
            ram_sp #(.WIDTH(TWB), .DEPTH(2 * NF), .AW(TAW), .STYLE(T_STYLE_EFF), .INIT_FILE(T_INIT)) thresholds (
                .clk(clk), .addr(t_ld ? t_ld_addr : t_rd_addr), .we(t_ld), .lane_we(t_lanes), .wdata(ld_data), .rdata(tdata));
        end else begin : g_no_thresholds
            assign tdata = {TWB{1'b0}};
        end
    endgenerate

    vec_buffer #(.MW(MW), .SIMD(SIMD), .IB(IB), .IN_PAR(IN_PAR)) inputs (
        .clk(clk), .rst(rst), .wr_en(in_we), .wr_bank(wsel), .wr_data(in_data),
        .rd_en(issue), .rd_bank(rsel), .rd_fold(sf), .rd_data(x_fold));

    // ------------------------------------------------------------------ S1: RAM outputs, input slice
    reg              first1, last1, lastv1;
    reg [NFW-1:0]    nf1;
    wire [SIMD*IB-1:0] x1 = x_fold;             // read by the buffer at issue, like the RAMs
    always @(posedge clk) begin
        v1 <= issue && !rst;
        if (issue) begin
            first1 <= (sf == {SFW{1'b0}});
            last1  <= last_sf;
            lastv1 <= last_sf && last_nf;
            nf1    <= nf;
        end
    end

    // ------------------------------------------------------------------ S2: dot products
    reg                first2, last2, lastv2;
    reg [NFW-1:0]      nf2;
    reg [PE*SUMW-1:0]  sum2;
    /* verilator lint_off UNUSEDSIGNAL */  // the output layer has no thresholds
    reg [TW-1:0]       thr2;
    /* verilator lint_on UNUSEDSIGNAL */
    // Per-PE dot products of SIMD lanes (combinational, registered into sum2).
    reg [PE*SUMW-1:0]     sum_comb;
    reg signed [SUMW-1:0] dot;
    reg [WB-1:0]          wbits;
    reg signed [7:0]      wv;
    reg signed [PW-1:0]   xs;
    /* verilator lint_off UNUSEDSIGNAL */  // a product of weights wider than 2 bits fits in PW bits
    reg signed [PW+7:0]   wide;
    /* verilator lint_on UNUSEDSIGNAL */
    reg signed [PW-1:0]   prod;
    integer p, s;
    always @(*) begin
        for (p = 0; p < PE; p = p + 1) begin
            dot = {SUMW{1'b0}};
            for (s = 0; s < SIMD; s = s + 1) begin
                xs = $signed({{(PW-IB){1'b0}}, x1[s*IB +: IB]});
                wbits = wdata[(p*SIMD+s)*WB +: WB];
                wv = $signed({{(8-WB){wbits[WB-1]}}, wbits});
                wide = xs * wv;
                // Small weights as multiplexers (no multipliers, no DSPs); wider ones as a product.
                if (WB == 1)      prod = wbits[0] ? xs : -xs;
                else if (WB == 2) prod = (wv == 8'sd1) ? xs : (wv == -8'sd1) ? -xs : (wv == -8'sd2) ? -(xs <<< 1) : {PW{1'b0}};
                else              prod = wide[PW-1:0];
                dot = dot + {{(SUMW-PW){prod[PW-1]}}, prod};
            end
            sum_comb[p*SUMW +: SUMW] = dot;
        end
    end

    always @(posedge clk) begin
        v2 <= v1 && !rst;
        if (v1) begin
            first2 <= first1;
            last2  <= last1;
            lastv2 <= lastv1;
            nf2    <= nf1;
            thr2   <= tdata[TW-1:0];
            sum2   <= sum_comb;
        end
    end

    // ------------------------------------------------------------------ S3: accumulate, activate, emit
    reg  [PE*ACCW-1:0] acc;
    reg  [PE*ACCW-1:0] acc_next;
    wire [OUT_W-1:0]   result;
    integer q;
    always @(*) begin
        for (q = 0; q < PE; q = q + 1)
            acc_next[q*ACCW +: ACCW] = (first2 ? {ACCW{1'b0}} : acc[q*ACCW +: ACCW])
                                     + {{(ACCW-SUMW){sum2[q*SUMW+SUMW-1]}}, sum2[q*SUMW +: SUMW]};
    end

    generate
        if (AB == 0) begin : g_accumulators
            assign result = acc_next;
        end else begin : g_activations
            // Multi-threshold activation: how many of the NT ascending thresholds the accumulator reaches.
            reg [OUT_W-1:0] act;
            reg [AB:0]      count;
            integer a, t;
            always @(*) begin
                for (a = 0; a < PE; a = a + 1) begin
                    count = {(AB+1){1'b0}};
                    for (t = 0; t < NT; t = t + 1)
                        if ($signed(acc_next[a*ACCW +: ACCW]) >= $signed(thr2[(a*NT+t)*ACCW +: ACCW])) count = count + 1'b1;
                    act[a*AB +: AB] = count[AB-1:0];
                end
            end
            assign result = act;
        end
    endgenerate

    always @(posedge clk) begin
        out_we <= 1'b0;
        if (rst) begin
            out_last <= 1'b0;
        end else if (v2) begin
            acc <= acc_next;
            if (last2) begin
                out_we   <= 1'b1;
                out_addr <= {{(16-NFW){1'b0}}, nf2};
                out_data <= result;
                out_last <= lastv2;
                // A vector starts only when the previous one has drained, so its tag is still the current one.
                out_tag  <= cur_tag;
                out_bank <= cur_bank;
            end
        end
    end
endmodule
`default_nettype wire
