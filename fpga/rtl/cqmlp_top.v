// CAN IDS accelerator: the CQMLP as a FINN-style dataflow pipeline behind an SPI slave (docs/fpga.md).
//
//   SPI pins -> spi_slave -> link_layer -> window_fifo -> window_feeder -> mvau[0] -> ... -> mvau[NL-1] -> argmax
//                               ^   |                                                                      |
//                               |   +-> weight_loader -> (shadow banks of every mvau memory)               |
//                               +-------------------------- verdict_queue <-------------------------------+
//
// Layer shapes, folding, widths and the memory layout come from cqmlp_params.vh, generated from the exported model
// (canids export --rtl); bank 0 of every memory is initialised from the generated .mem files in MEM_DIR.
`default_nettype none
module cqmlp_top #(
    parameter         MEM_DIR = "",           // folder of the generated .mem files, with a trailing slash
    parameter integer EMIT_ACC = 0,           // 1: verdict records carry the final accumulators
    parameter integer FIFO_AW = 8,            // input FIFO: 2^FIFO_AW bytes
    parameter integer VQ_AW = 5,              // verdict queue: 2^VQ_AW records
    parameter integer W_STYLE = 0,            // ram_sp STYLE of the weight memories of the first BIG_LAYERS layers
    parameter integer BIG_LAYERS = 2,         // layers whose weight memories are large enough for W_STYLE
    parameter integer SMALL_STYLE = 0         // ram_sp STYLE of the other memories
) (
    input  wire clk,
    input  wire rst_n,                        // asynchronous, active low
    input  wire spi_sclk,
    input  wire spi_cs_n,
    input  wire spi_mosi,
    output wire spi_miso,
    output wire spi_miso_oe,                  // drive MISO only while selected
    output wire irq                           // verdicts are waiting
);
    `include "cqmlp_params.vh"

    localparam integer RB = EMIT_ACC != 0 ? 3 + 2 * CLASSES : 3;
    localparam integer OUT_PE = L_PE[32*(NL-1) +: 32];
    localparam integer OUT_ACCW = L_ACCW[32*(NL-1) +: 32];
    localparam integer NMEM = 2 * NL - 1;

    // ------------------------------------------------------------------ reset
    reg [1:0] rst_sync;
    always @(posedge clk or negedge rst_n)
        if (!rst_n) rst_sync <= 2'b11;
        else        rst_sync <= {rst_sync[0], 1'b0};
    wire hard_rst = rst_sync[1];
    wire soft_reset;
    wire rst = hard_rst | soft_reset;

    // ------------------------------------------------------------------ SPI and link
    wire       frame_start, frame_end, frame_partial, rx_valid, tx_load, spi_active;
    wire [7:0] rx_byte, tx_byte;
    spi_slave spi (
        .clk(clk), .rst(hard_rst), .sclk(spi_sclk), .cs_n(spi_cs_n), .mosi(spi_mosi), .miso(spi_miso),
        .active(spi_active), .frame_start(frame_start), .frame_end(frame_end), .frame_partial(frame_partial), .rx_valid(rx_valid),
        .rx_byte(rx_byte), .tx_load(tx_load), .tx_byte(tx_byte));
    assign spi_miso_oe = spi_active;

    wire             fifo_we, fifo_commit, fifo_rollback, win_fed;
    wire [7:0]       fifo_wdata;
    wire [FIFO_AW:0] fifo_free, fifo_count;
    wire [VQ_AW:0]   vq_pending, vq_index, vq_release_n;
    wire [RB*8-1:0]  vq_data;
    wire             vq_release, vq_space, rec_we, rec_bank;
    wire [RB*8-1:0]  rec_data;
    wire             ld_begin, ld_byte_we, ld_accept, ld_reject, ld_finish, ld_loading;
    wire [7:0]       ld_byte;
    wire [31:0]      ld_offset, ld_crc;
    wire             active_bank;
    reg  [7:0]       inflight0, inflight1;
    wire             shadow_busy = active_bank ? inflight0 != 8'd0 : inflight1 != 8'd0;

    link_layer #(.IL(INPUT_LEN), .RB(RB), .CLASSES(CLASSES), .CONFIG_ID(CONFIG_ID), .DEFAULT_MODEL_ID(DEFAULT_MODEL_ID),
                 .IMAGE_BYTES(IMAGE_BYTES), .FIFO_AW(FIFO_AW), .VQ_AW(VQ_AW)) link (
        .clk(clk), .rst(hard_rst),
        .frame_start(frame_start), .frame_end(frame_end), .frame_partial(frame_partial), .rx_valid(rx_valid), .rx_byte(rx_byte), .tx_load(tx_load), .tx_byte(tx_byte),
        .in_we(fifo_we), .in_wdata(fifo_wdata), .in_commit(fifo_commit), .in_rollback(fifo_rollback), .in_free(fifo_free), .win_fed(win_fed),
        .vq_pending(vq_pending), .vq_index(vq_index), .vq_data(vq_data), .vq_release(vq_release), .vq_release_n(vq_release_n),
        .verdict_made(rec_we),
        .ld_begin(ld_begin), .ld_byte_we(ld_byte_we), .ld_byte(ld_byte), .ld_accept(ld_accept), .ld_reject(ld_reject),
        .ld_finish(ld_finish), .ld_loading(ld_loading), .ld_offset(ld_offset), .ld_crc(ld_crc), .shadow_busy(shadow_busy),
        .soft_reset(soft_reset), .active_bank(active_bank));

    // ------------------------------------------------------------------ windows in
    wire        fifo_rd;
    wire [7:0]  fifo_data;
    window_fifo #(.AW(FIFO_AW)) fifo (
        .clk(clk), .rst(rst), .wr_en(fifo_we), .wr_data(fifo_wdata), .commit(fifo_commit), .rollback(fifo_rollback),
        .free(fifo_free), .count(fifo_count), .rd_en(fifo_rd), .rd_data(fifo_data));

    wire        l0_we, l0_last, l0_bank;
    wire [15:0] l0_tag;
    wire [7:0]  l0_data;
    window_feeder #(.IL(INPUT_LEN), .AW(FIFO_AW)) feeder (
        .clk(clk), .rst(rst), .fifo_count(fifo_count), .fifo_rd(fifo_rd), .fifo_data(fifo_data), .active_bank(active_bank),
        .l0_ready(layer[0].in_ready), .l0_we(l0_we), .l0_data(l0_data), .l0_last(l0_last),
        .l0_tag(l0_tag), .l0_bank(l0_bank), .fed(win_fed));

    // ------------------------------------------------------------------ weight loading
    localparam integer LD_AW = MEM_AW;
    wire             ld_we;
    wire [7:0]       ld_mem, ld_lane, ld_data;
    wire [LD_AW-1:0] ld_addr;
    weight_loader #(.NMEM(NMEM), .MEM_BYTES(MEM_BYTES), .MEM_DEPTH(MEM_DEPTH), .IMAGE_BYTES(IMAGE_BYTES), .AW(LD_AW)) loader (
        .clk(clk), .rst(rst), .begin_load(ld_begin), .byte_we(ld_byte_we), .byte_data(ld_byte), .accept(ld_accept),
        .reject(ld_reject), .finish(ld_finish), .loading(ld_loading), .offset(ld_offset), .crc(ld_crc),
        .ld_we(ld_we), .ld_mem(ld_mem), .ld_addr(ld_addr), .ld_lane(ld_lane), .ld_data(ld_data));

    // ------------------------------------------------------------------ the layers
    genvar i;
    generate
        for (i = 0; i < NL; i = i + 1) begin : layer
            localparam integer MW = L_MW[32*i +: 32];
            localparam integer MH = L_MH[32*i +: 32];
            localparam integer PE = L_PE[32*i +: 32];
            localparam integer SIMD = L_SIMD[32*i +: 32];
            localparam integer WB = L_WB[32*i +: 32];
            localparam integer IB = L_IB[32*i +: 32];
            localparam integer AB = L_AB[32*i +: 32];
            localparam integer ACCW = L_ACCW[32*i +: 32];
            localparam integer IN_PAR = (i == 0) ? 1 : L_PE[32*(i == 0 ? 0 : i - 1) +: 32];
            localparam integer OUT_W = (AB == 0) ? PE * ACCW : PE * AB;
            localparam [7:0] DIGIT = 8'd48 + i;
            localparam integer BIG = (i < BIG_LAYERS) ? W_STYLE : SMALL_STYLE;

            wire                 in_we, in_last, in_bank, in_ready;
            wire [15:0]          in_tag;
            wire [IN_PAR*IB-1:0] in_data;
            wire                 out_we, out_last, out_bank, out_ready;
            /* verilator lint_off UNUSEDSIGNAL */  // only argmax needs the neuron fold
            wire [15:0]          out_addr;
            /* verilator lint_on UNUSEDSIGNAL */
            wire [15:0]          out_tag;
            wire [OUT_W-1:0]     out_data;

            if (i == 0) begin : g_from_feeder
                assign in_we = l0_we;
                assign in_data = l0_data;
                assign in_last = l0_last;
                assign in_tag = l0_tag;
                assign in_bank = l0_bank;
            end else begin : g_from_layer
                assign in_we = layer[i-1].out_we;
                assign in_data = layer[i-1].out_data;
                assign in_last = layer[i-1].out_last;
                assign in_tag = layer[i-1].out_tag;
                assign in_bank = layer[i-1].out_bank;
            end
            if (i == NL - 1) begin : g_to_argmax
                // Two free records: one may still be on its way into the queue.
                assign out_ready = vq_space;
            end else begin : g_to_layer
                assign out_ready = layer[i+1].in_ready;
            end

            mvau #(.MW(MW), .MH(MH), .PE(PE), .SIMD(SIMD), .WB(WB), .IB(IB), .AB(AB), .ACCW(ACCW), .IN_PAR(IN_PAR),
                   .MEM_W(2 * i), .LD_AW(LD_AW), .W_STYLE(BIG), .T_STYLE(SMALL_STYLE),
                   .W_INIT(MEM_DIR == "" ? "" : {MEM_DIR, "l", DIGIT, "_weights.mem"}),
                   .T_INIT(MEM_DIR == "" ? "" : {MEM_DIR, "l", DIGIT, "_thresholds.mem"})) u (
                .clk(clk), .rst(rst),
                .in_we(in_we), .in_data(in_data), .in_last(in_last), .in_tag(in_tag), .in_bank(in_bank), .in_ready(in_ready),
                .out_we(out_we), .out_addr(out_addr), .out_data(out_data), .out_last(out_last), .out_tag(out_tag), .out_bank(out_bank), .out_ready(out_ready),
                .ld_we(ld_we), .ld_mem(ld_mem), .ld_bank(~active_bank), .ld_addr(ld_addr), .ld_lane(ld_lane), .ld_data(ld_data));
        end
    endgenerate

    // ------------------------------------------------------------------ verdicts out
    argmax #(.CLASSES(CLASSES), .PE(OUT_PE), .ACCW(OUT_ACCW), .RW(RB * 8)) decide (
        .clk(clk), .rst(rst), .in_we(layer[NL-1].out_we), .in_addr(layer[NL-1].out_addr), .in_data(layer[NL-1].out_data),
        .in_last(layer[NL-1].out_last), .in_tag(layer[NL-1].out_tag), .in_bank(layer[NL-1].out_bank),
        .rec_we(rec_we), .rec_data(rec_data), .rec_bank(rec_bank));

    wire [VQ_AW:0] vq_free = (1 << VQ_AW) - vq_pending;
    assign vq_space = vq_free >= 2;
    verdict_queue #(.RW(RB * 8), .AW(VQ_AW)) verdicts (
        .clk(clk), .rst(rst), .wr_en(rec_we), .wr_data(rec_data), .pending(vq_pending),
        .rd_index(vq_index), .rd_data(vq_data), .release_en(vq_release), .release_n(vq_release_n));
    assign irq = vq_pending != {(VQ_AW+1){1'b0}};

    // Windows in the pipeline, per weight bank: the loader may not overwrite a bank a window still uses.
    always @(posedge clk) begin
        if (rst) begin
            inflight0 <= 8'd0;
            inflight1 <= 8'd0;
        end else begin
            inflight0 <= inflight0 + ((win_fed && !l0_bank) ? 8'd1 : 8'd0) - ((rec_we && !rec_bank) ? 8'd1 : 8'd0);
            inflight1 <= inflight1 + ((win_fed && l0_bank) ? 8'd1 : 8'd0) - ((rec_we && rec_bank) ? 8'd1 : 8'd0);
        end
    end
endmodule
`default_nettype wire
