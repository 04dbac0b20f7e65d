// Single-port RAM with a registered read and byte write enables: one weight or threshold memory of an MVAU,
// holding two banks (the address's top bit), loaded at run time through the link. STYLE picks the primitive the
// synthesis tool should use (0 its choice, 1 block RAM, 2 large single-port RAM without power-up contents:
// UltraRAM on UltraScale+, SPRAM on iCE40 UltraPlus, 3 distributed/LUT RAM); INIT_FILE, when set, fills the first
// half (bank 0).
`default_nettype none
module ram_sp #(
    parameter integer WIDTH     = 8,        // bits per word (a multiple of 8: lanes are bytes)
    parameter integer DEPTH     = 16,       // words (both banks)
    parameter integer AW        = 4,        // address bits
    parameter integer STYLE     = 0,
    parameter         INIT_FILE = ""
) (
    input  wire                 clk,
    input  wire [AW-1:0]        addr,
    input  wire                 we,
    input  wire [WIDTH/8-1:0]   lane_we,
    input  wire [7:0]           wdata,      // the byte written to every enabled lane
    output reg  [WIDTH-1:0]     rdata
);
    localparam integer LANES = WIDTH / 8;

    generate
        if (STYLE == 1) begin : g_block
            (* ram_style = "block" *) reg [WIDTH-1:0] mem [0:DEPTH-1];
            `include "ram_sp_init.vh"
            `include "ram_sp_body.vh"
        end else if (STYLE == 2) begin : g_ultra
            // UltraRAM and SPRAM have no power-up contents: the MCU loads the model at boot (INIT_FILE is unused).
            (* ram_style = "ultra" *) reg [WIDTH-1:0] mem [0:DEPTH-1];
            `include "ram_sp_body.vh"
        end else if (STYLE == 3) begin : g_dist
            (* ram_style = "distributed" *) reg [WIDTH-1:0] mem [0:DEPTH-1];
            `include "ram_sp_init.vh"
            `include "ram_sp_body.vh"
        end else begin : g_auto
            reg [WIDTH-1:0] mem [0:DEPTH-1];
            `include "ram_sp_init.vh"
            `include "ram_sp_body.vh"
        end
    endgenerate
endmodule
`default_nettype wire
