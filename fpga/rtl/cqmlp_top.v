// CAN IDS accelerator: the CQMLP as a FINN-style dataflow pipeline behind an SPI slave (docs/fpga.md).
//
//   SPI pins -> spi_slave -> link_rx -> window_fifo -> window_builder -> mvau[0] -> ... -> mvau[NL-1] -> argmax
//                  ^            |  \                  (last N frames)                                      |
//                  |            |   +-> weight_loader -> (shadow banks of every mvau memory)               |
//                  +-- link_tx <-+---------------------------------------- verdict_queue <-----------------+
//                        ^
//                        +-- link_status (counters, status block)
//
// The MCU pushes one 10-byte record per CAN frame; the FPGA keeps the window of the last N records. Layer shapes,
// folding, widths and the memory layout come from cqmlp_params.vh, generated from the exported model (canids export
// --rtl), and the link's constants from link_protocol.vh, generated from the shared C# definition; bank 0 of every
// memory is initialised from the generated .mem files in MEM_DIR.
`default_nettype none
module cqmlp_top #(
    parameter         MEM_DIR = "",           // folder of the generated .mem files, with a trailing slash
    parameter integer EMIT_ACC = 0,           // debug build: every verdict is recorded, with the final accumulators
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
    `include "link_protocol.vh"

    localparam integer RB = EMIT_ACC != 0 ? VERDICT_RECORD_LENGTH + 2 * MAX_CLASSES : VERDICT_RECORD_LENGTH;
    localparam integer OUT_PE = L_PE[32*(NL-1) +: 32];
    localparam integer OUT_ACCW = L_ACCW[32*(NL-1) +: 32];
    localparam integer NMEM = 2 * NL;           // each layer's weights, the hidden layers' thresholds, the class count
    localparam integer WINDOW = INPUT_LEN / FRAME_RECORD_LENGTH;
    localparam integer FIFO_FRAMES = (1 << FIFO_AW) / FRAME_RECORD_LENGTH;
    localparam integer OW = $clog2(IMAGE_BYTES + 1);  // bits of a payload offset
    localparam [7:0]   BUILD_FLAGS = EMIT_ACC != 0 ? STATUS_FLAG_ALL_VERDICTS[7:0] | STATUS_FLAG_ACCUMULATORS[7:0] : 8'd0;

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

    wire             fifo_we, fifo_commit, fifo_rollback, frame_fed;
    wire [7:0]       fifo_wdata;
    wire [FIFO_AW:0] fifo_free, fifo_count;
    wire [15:0]      in_frames;
    wire [7:0]       cmd, rd, last_seq, ack_code, result;
    wire             ack_en, done;
    wire [15:0]      ack_tag;
    wire             ld_begin, ld_byte_we, ld_accept, ld_reject, ld_finish, ld_loading;
    wire [7:0]       ld_byte;
    wire [OW-1:0]    ld_offset;
    wire [31:0]      ld_crc, model_id;
    wire             active_bank;
    reg  [7:0]       inflight0, inflight1;
    reg  [7:0]       classes0, classes1;     // each bank's model's class count (below)
    wire             shadow_busy = active_bank ? inflight0 != 8'd0 : inflight1 != 8'd0;

    link_rx #(.FIFO_AW(FIFO_AW), .CONFIG_ID(CONFIG_ID), .DEFAULT_MODEL_ID(DEFAULT_MODEL_ID), .IMAGE_BYTES(IMAGE_BYTES), .OW(OW)) rx (
        .clk(clk), .rst(hard_rst),
        .frame_start(frame_start), .frame_end(frame_end), .frame_partial(frame_partial), .rx_valid(rx_valid), .rx_byte(rx_byte),
        .cmd(cmd), .rd(rd),
        .in_we(fifo_we), .in_wdata(fifo_wdata), .in_commit(fifo_commit), .in_rollback(fifo_rollback), .in_free(fifo_free), .in_frames(in_frames),
        .ld_begin(ld_begin), .ld_byte_we(ld_byte_we), .ld_byte(ld_byte), .ld_accept(ld_accept), .ld_reject(ld_reject),
        .ld_finish(ld_finish), .ld_loading(ld_loading), .ld_offset(ld_offset), .ld_crc(ld_crc), .shadow_busy(shadow_busy),
        .ack_en(ack_en), .ack_tag(ack_tag),
        .done(done), .result(result), .last_seq(last_seq), .ack_code(ack_code),
        .soft_reset(soft_reset), .active_bank(active_bank), .model_id(model_id));

    // Frame records in the FIFO or being fed: what the MCU may still push is the rest.
    reg  [15:0] frames_queued;
    always @(posedge clk) begin
        if (rst) frames_queued <= 16'd0;
        else     frames_queued <= frames_queued + (fifo_commit ? in_frames : 16'd0) - (frame_fed ? 16'd1 : 16'd0);
    end
    wire [15:0] free_frames = FIFO_FRAMES[15:0] - frames_queued;

    wire             rec_we, rec_bank, vq_space, vq_waiting, vq_snap, vq_sent;
    wire [RB*8-1:0]  rec_data, vq_data;
    wire [15:0]      snap_judged, acked, sent_judged;
    wire [VQ_AW:0]   snap_pending, vq_index, sent_count;
    wire [7:0]       status_index, status_byte;
    wire             errors;
    wire [7:0]       flags = {3'b000, errors, vq_waiting, free_frames == 16'd0, ld_loading, active_bank};
    assign vq_snap = frame_start;

    link_tx #(.RB(RB), .VQ_AW(VQ_AW)) tx (
        .clk(clk), .rst(rst),
        .frame_start(frame_start), .frame_end(frame_end), .tx_load(tx_load), .tx_byte(tx_byte),
        .cmd(cmd), .rd(rd),
        .flags(flags), .last_seq(last_seq), .ack_code(ack_code), .free(free_frames > 16'd255 ? 8'd255 : free_frames[7:0]),
        .snap_judged(snap_judged), .snap_pending(snap_pending), .acked(acked),
        .vq_index(vq_index), .vq_data(vq_data), .sent(vq_sent), .sent_judged(sent_judged), .sent_count(sent_count),
        .status_index(status_index), .status_byte(status_byte));

    link_status #(.N(WINDOW), .MAX_CLASSES(MAX_CLASSES), .RB(RB), .BUILD_FLAGS(BUILD_FLAGS), .CONFIG_ID(CONFIG_ID),
                  .IMAGE_BYTES(IMAGE_BYTES), .FIFO_FRAMES(FIFO_FRAMES), .OW(OW)) status (
        .clk(clk), .rst(hard_rst), .soft_reset(soft_reset),
        .done(done), .result(result), .cmd(cmd), .in_commit(fifo_commit), .in_frames(in_frames), .verdict_made(rec_we),
        .classes(active_bank ? classes1 : classes0), .model_id(model_id), .active_bank(active_bank), .loading(ld_loading), .load_offset(ld_offset),
        .errors(errors), .index(status_index), .status_byte(status_byte));

    // ------------------------------------------------------------------ windows in
    wire        fifo_rd;
    wire [7:0]  fifo_data;
    window_fifo #(.AW(FIFO_AW)) fifo (
        .clk(clk), .rst(rst), .wr_en(fifo_we), .wr_data(fifo_wdata), .commit(fifo_commit), .rollback(fifo_rollback),
        .free(fifo_free), .count(fifo_count), .rd_en(fifo_rd), .rd_data(fifo_data));

    wire        l0_we, l0_last, l0_bank;
    wire [15:0] l0_tag;
    wire [7:0]  l0_data;
    window_builder #(.N(WINDOW), .AW(FIFO_AW)) window (
        .clk(clk), .rst(rst), .fifo_count(fifo_count), .fifo_rd(fifo_rd), .fifo_data(fifo_data), .active_bank(active_bank),
        .l0_ready(layer[0].in_ready), .l0_we(l0_we), .l0_data(l0_data), .l0_last(l0_last),
        .l0_tag(l0_tag), .l0_bank(l0_bank), .fed(frame_fed));

    // ------------------------------------------------------------------ weight loading
    localparam integer LD_AW = MEM_AW;
    wire             ld_we;
    wire [7:0]       ld_mem, ld_lane, ld_data;
    wire [LD_AW-1:0] ld_addr;
    weight_loader #(.NMEM(NMEM), .MEM_BYTES(MEM_BYTES), .MEM_DEPTH(MEM_DEPTH), .IMAGE_BYTES(IMAGE_BYTES), .AW(LD_AW), .OW(OW)) loader (
        .clk(clk), .rst(rst), .begin_load(ld_begin), .byte_we(ld_byte_we), .byte_data(ld_byte), .accept(ld_accept),
        .reject(ld_reject), .finish(ld_finish), .loading(ld_loading), .offset(ld_offset), .crc(ld_crc),
        .ld_we(ld_we), .ld_mem(ld_mem), .ld_addr(ld_addr), .ld_lane(ld_lane), .ld_data(ld_data));

    // The class count of each bank's model: the last byte of a weight image payload ("memory" NMEM - 1). Bank 0
    // starts with the bitstream's model's; a RESET keeps them, as it keeps the weights.
    always @(posedge clk) begin
        if (hard_rst) begin
            classes0 <= DEFAULT_CLASSES[7:0];
            classes1 <= DEFAULT_CLASSES[7:0];
        end else if (ld_we && ld_mem == NMEM[7:0] - 8'd1) begin
            if (active_bank) classes0 <= ld_data;   // the loader writes the shadow bank
            else             classes1 <= ld_data;
        end
    end

    // ------------------------------------------------------------------ the layers
    genvar i;
    generate
        // One window limit on both sides of the link (docs/input-format.md): a longer window fails elaboration.
        if (WINDOW < 1 || WINDOW > MAX_WINDOW_FRAMES) begin : window_limit
            window_longer_than_max_window_frames error_the_window_is_out_of_range ();
        end
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
    argmax #(.CLASSES(MAX_CLASSES), .PE(OUT_PE), .ACCW(OUT_ACCW), .RW(RB * 8)) decide (
        .clk(clk), .rst(rst), .in_we(layer[NL-1].out_we), .in_addr(layer[NL-1].out_addr), .in_data(layer[NL-1].out_data),
        .in_last(layer[NL-1].out_last), .in_tag(layer[NL-1].out_tag), .in_bank(layer[NL-1].out_bank),
        .classes(layer[NL-1].out_bank ? classes1 : classes0),
        .rec_we(rec_we), .rec_data(rec_data), .rec_bank(rec_bank));

    // Benign verdicts only advance `judged`; attacks (every verdict in the debug build) are recorded.
    wire [6:0] rec_class = rec_data[RB*8-18 -: 7];   // a record: tag (16 bits), bank (1), class (7), accumulators
    verdict_queue #(.RW(RB * 8), .AW(VQ_AW)) verdicts (
        .clk(clk), .rst(rst), .verdict_we(rec_we), .verdict_tag(rec_data[RB*8-1 -: 16]),
        .record_we(rec_we && (EMIT_ACC != 0 || rec_class != 7'd0)), .record(rec_data), .space(vq_space), .waiting(vq_waiting),
        .snap(vq_snap), .snap_judged(snap_judged), .snap_pending(snap_pending), .acked(acked),
        .rd_index(vq_index), .rd_data(vq_data), .sent(vq_sent), .sent_judged(sent_judged), .sent_count(sent_count),
        .ack_en(ack_en), .ack_tag(ack_tag));
    assign irq = vq_waiting;

    // Frames in the pipeline, per weight bank: the loader may not overwrite a bank a frame still uses.
    always @(posedge clk) begin
        if (rst) begin
            inflight0 <= 8'd0;
            inflight1 <= 8'd0;
        end else begin
            inflight0 <= inflight0 + ((frame_fed && !l0_bank) ? 8'd1 : 8'd0) - ((rec_we && !rec_bank) ? 8'd1 : 8'd0);
            inflight1 <= inflight1 + ((frame_fed && l0_bank) ? 8'd1 : 8'd0) - ((rec_we && rec_bank) ? 8'd1 : 8'd0);
        end
    end
endmodule
`default_nettype wire
