// Byte FIFO between the link and the window feeder. Writes are tentative until the transfer that carries them
// passes its CRC (commit); a failed transfer rolls them back, so a corrupted PUSH never leaves half a window behind.
// The reader sees committed bytes only.
`default_nettype none
module window_fifo #(
    parameter integer AW = 9                    // 2^AW bytes
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          wr_en,
    input  wire [7:0]    wr_data,
    input  wire          commit,                // keep the tentative bytes
    input  wire          rollback,              // drop them
    output wire [AW:0]   free,                  // bytes that can still be written (tentative ones counted)
    output wire [AW:0]   count,                 // committed bytes not yet read
    input  wire          rd_en,
    output reg  [7:0]    rd_data                // valid the cycle after rd_en
);
    reg [7:0]  mem [0:(1<<AW)-1];
    reg [AW:0] wr_tent, wr_done, rd_ptr;
    assign free  = (1 << AW) - (wr_tent - rd_ptr);
    assign count = wr_done - rd_ptr;

    always @(posedge clk) begin
        if (wr_en) mem[wr_tent[AW-1:0]] <= wr_data;
        if (rd_en) rd_data <= mem[rd_ptr[AW-1:0]];
    end

    always @(posedge clk) begin
        if (rst) begin
            wr_tent <= {(AW+1){1'b0}};
            wr_done <= {(AW+1){1'b0}};
            rd_ptr  <= {(AW+1){1'b0}};
        end else begin
            if (rollback)   wr_tent <= wr_done;
            else if (wr_en) wr_tent <= wr_tent + 1'b1;
            if (commit)     wr_done <= wr_tent;
            if (rd_en)      rd_ptr  <= rd_ptr + 1'b1;
        end
    end
endmodule
`default_nettype wire
