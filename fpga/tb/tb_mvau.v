// mvau: a folded layer (8 inputs, 4 neurons, PE 2 x SIMD 2, 2-bit weights and inputs) computes every neuron's
// accumulator and, in a hidden layer, how many of its three ascending thresholds it reaches; the output layer gives
// the accumulators. Weights and thresholds are written through the loader port into either bank, and a vector uses
// the bank it was tagged with. Random weights, thresholds and vectors against a reference computed here.
`timescale 1ns/1ps
`default_nettype none
module tb;
    reg clk = 0;
    always #5 clk = ~clk;
    localparam integer MW = 8, MH = 4, PE = 2, SIMD = 2, WB = 2, IB = 2, ACCW = 8, NT = 3;
    localparam integer NF = MH / PE, SF = MW / SIMD;
    reg             rst = 1, in_we = 0, in_last = 0, in_bank = 0;
    reg  [IB-1:0]   in_data = 0;
    reg  [15:0]     in_tag = 0;
    reg             ld_we = 0, ld_bank = 0;
    reg  [7:0]      ld_mem = 0, ld_lane = 0, ld_data = 0;
    reg  [3:0]      ld_addr = 0;
    wire            rdy_h, rdy_o, we_h, we_o, last_h, last_o, bank_h, bank_o;
    wire [15:0]     addr_h, addr_o, tag_h, tag_o;
    wire [PE*2-1:0] data_h;
    wire [PE*ACCW-1:0] data_o;
    mvau #(.MW(MW), .MH(MH), .PE(PE), .SIMD(SIMD), .WB(WB), .IB(IB), .AB(2), .ACCW(ACCW), .MEM_W(0), .LD_AW(4)) hidden (
        .clk(clk), .rst(rst), .in_we(in_we), .in_data(in_data), .in_last(in_last), .in_tag(in_tag), .in_bank(in_bank), .in_ready(rdy_h),
        .out_we(we_h), .out_addr(addr_h), .out_data(data_h), .out_last(last_h), .out_tag(tag_h), .out_bank(bank_h), .out_ready(1'b1),
        .ld_we(ld_we), .ld_mem(ld_mem), .ld_bank(ld_bank), .ld_addr(ld_addr), .ld_lane(ld_lane), .ld_data(ld_data));
    mvau #(.MW(MW), .MH(MH), .PE(PE), .SIMD(SIMD), .WB(WB), .IB(IB), .AB(0), .ACCW(ACCW), .MEM_W(2), .LD_AW(4)) output_layer (
        .clk(clk), .rst(rst), .in_we(in_we), .in_data(in_data), .in_last(in_last), .in_tag(in_tag), .in_bank(in_bank), .in_ready(rdy_o),
        .out_we(we_o), .out_addr(addr_o), .out_data(data_o), .out_last(last_o), .out_tag(tag_o), .out_bank(bank_o), .out_ready(1'b1),
        .ld_we(ld_we), .ld_mem(ld_mem), .ld_bank(ld_bank), .ld_addr(ld_addr), .ld_lane(ld_lane), .ld_data(ld_data));

    integer w [0:1][0:MH-1][0:MW-1];              // per bank: weights -1..1
    integer t [0:1][0:MH-1][0:NT-1];              // per bank: ascending thresholds
    integer x [0:MW-1];

    task load(input [7:0] m, input b, input [3:0] a, input [7:0] lane, input [7:0] d);
        begin ld_we = 1; ld_mem = m; ld_bank = b; ld_addr = a; ld_lane = lane; ld_data = d; @(posedge clk); #1 ld_we = 0; end
    endtask

    // Bank b of both layers: weight word nf*SF+sf, lane pe*SIMD+s; threshold word nf, lane pe*NT+k (one byte each here).
    task load_bank(input b);
        integer nf, sf, pe, s, k, n, acc;
        reg [7:0] word;
        begin
            for (n = 0; n < MH; n = n + 1) begin
                for (s = 0; s < MW; s = s + 1) w[b][n][s] = $signed($urandom % 3) - 1;
                acc = -20 + $urandom % 10;
                for (k = 0; k < NT; k = k + 1) begin t[b][n][k] = acc; acc = acc + $urandom % 8; end
            end
            for (nf = 0; nf < NF; nf = nf + 1) for (sf = 0; sf < SF; sf = sf + 1) begin
                word = 0;
                for (pe = 0; pe < PE; pe = pe + 1) for (s = 0; s < SIMD; s = s + 1) word[(pe * SIMD + s) * WB +: WB] = w[b][nf * PE + pe][sf * SIMD + s];
                load(0, b, nf * SF + sf, 0, word);
                load(2, b, nf * SF + sf, 0, word);
            end
            for (nf = 0; nf < NF; nf = nf + 1) for (pe = 0; pe < PE; pe = pe + 1) for (k = 0; k < NT; k = k + 1)
                load(1, b, nf, pe * NT + k, t[b][nf * PE + pe][k]);
        end
    endtask

    integer outs_h, outs_o, v, e, n, k, a, cnt, bank_of_vector;
    integer acc_of [0:MH-1];
    always @(posedge clk) begin
        if (we_h) begin
            for (k = 0; k < PE; k = k + 1) begin
                n = addr_h * PE + k;
                cnt = 0;
                for (a = 0; a < NT; a = a + 1) if (acc_of[n] >= t[bank_of_vector][n][a]) cnt = cnt + 1;
                if (data_h[k*2 +: 2] !== cnt[1:0]) begin $display("FAIL mvau hidden: vector %0d neuron %0d activation %0d, expected %0d (acc %0d)", v, n, data_h[k*2 +: 2], cnt, acc_of[n]); $fatal(1); end
            end
            if (tag_h !== in_tag || bank_h !== bank_of_vector[0]) begin $display("FAIL mvau hidden: tag %h bank %0d", tag_h, bank_h); $fatal(1); end
            outs_h = outs_h + 1;
        end
        if (we_o) begin
            for (k = 0; k < PE; k = k + 1) begin
                n = addr_o * PE + k;
                if ($signed(data_o[k*ACCW +: ACCW]) !== acc_of[n]) begin $display("FAIL mvau output: vector %0d neuron %0d accumulator %0d, expected %0d", v, n, $signed(data_o[k*ACCW +: ACCW]), acc_of[n]); $fatal(1); end
            end
            outs_o = outs_o + 1;
        end
    end

    initial begin
        outs_h = 0; outs_o = 0;
        @(posedge clk); #1 rst = 0;
        load_bank(0);
        load_bank(1);
        for (v = 0; v < 500; v = v + 1) begin
            bank_of_vector = $urandom % 2;
            for (e = 0; e < MW; e = e + 1) x[e] = $urandom % 4;
            for (n = 0; n < MH; n = n + 1) begin
                acc_of[n] = 0;
                for (e = 0; e < MW; e = e + 1) acc_of[n] = acc_of[n] + w[bank_of_vector][n][e] * x[e];
            end
            while (!rdy_h || !rdy_o) begin @(posedge clk); #1; end
            in_tag = v; in_bank = bank_of_vector[0];
            for (e = 0; e < MW; e = e + 1) begin
                in_we = 1; in_data = x[e]; in_last = e == MW - 1;
                @(posedge clk); #1;
            end
            in_we = 0; in_last = 0;
            repeat (NF * SF + 8) @(posedge clk);
            #1;
            if (v % 50 == 49) begin load_bank(v % 2); end   // the loader rewrites a bank between vectors
            if (outs_h != (v + 1) * NF || outs_o != (v + 1) * NF) begin $display("FAIL mvau: %0d / %0d outputs after %0d vectors", outs_h, outs_o, v + 1); $fatal(1); end
        end
        $display("PASS mvau: 500 vectors, hidden and output layer, both banks, reloaded banks");
        $finish;
    end
endmodule
`default_nettype wire
