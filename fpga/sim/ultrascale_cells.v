// Simulation models of the UltraScale+ memory primitives that yosys's xilinx/cells_sim.v (0.23) lacks: RAMB36E2,
// RAMB18E2 and URAM288, in the configurations synth_xilinx -family xcup instantiates for this design. With
// cells_sim.v they let the synthesised UltraScale+ netlist be simulated at gate level (tests/CanIds.Cli.Tests,
// SynthesisTests). Written from UG573 (UltraScale Architecture Memory Resources); the INIT parameter lists were
// generated, the rest is by hand.

// RAMB36E2: 36 Kbit data + 4 Kbit parity, as UG573 describes it, for the modes synth_xilinx uses:
// true dual port at widths 1..18 (36 for RAMB36E2), simple dual port at the double width (read on A, write on B),
// WRITE_FIRST / READ_FIRST / NO_CHANGE, byte-wide write enables, INIT/INITP contents, SRVAL on RSTRAM. No output
// registers (DOx_REG 0), no cascade, no ECC: yosys does not use them here.
module RAMB36E2 #(
    parameter [255:0] INIT_00 = 256'h0,
    parameter [255:0] INIT_01 = 256'h0,
    parameter [255:0] INIT_02 = 256'h0,
    parameter [255:0] INIT_03 = 256'h0,
    parameter [255:0] INIT_04 = 256'h0,
    parameter [255:0] INIT_05 = 256'h0,
    parameter [255:0] INIT_06 = 256'h0,
    parameter [255:0] INIT_07 = 256'h0,
    parameter [255:0] INIT_08 = 256'h0,
    parameter [255:0] INIT_09 = 256'h0,
    parameter [255:0] INIT_0A = 256'h0,
    parameter [255:0] INIT_0B = 256'h0,
    parameter [255:0] INIT_0C = 256'h0,
    parameter [255:0] INIT_0D = 256'h0,
    parameter [255:0] INIT_0E = 256'h0,
    parameter [255:0] INIT_0F = 256'h0,
    parameter [255:0] INIT_10 = 256'h0,
    parameter [255:0] INIT_11 = 256'h0,
    parameter [255:0] INIT_12 = 256'h0,
    parameter [255:0] INIT_13 = 256'h0,
    parameter [255:0] INIT_14 = 256'h0,
    parameter [255:0] INIT_15 = 256'h0,
    parameter [255:0] INIT_16 = 256'h0,
    parameter [255:0] INIT_17 = 256'h0,
    parameter [255:0] INIT_18 = 256'h0,
    parameter [255:0] INIT_19 = 256'h0,
    parameter [255:0] INIT_1A = 256'h0,
    parameter [255:0] INIT_1B = 256'h0,
    parameter [255:0] INIT_1C = 256'h0,
    parameter [255:0] INIT_1D = 256'h0,
    parameter [255:0] INIT_1E = 256'h0,
    parameter [255:0] INIT_1F = 256'h0,
    parameter [255:0] INIT_20 = 256'h0,
    parameter [255:0] INIT_21 = 256'h0,
    parameter [255:0] INIT_22 = 256'h0,
    parameter [255:0] INIT_23 = 256'h0,
    parameter [255:0] INIT_24 = 256'h0,
    parameter [255:0] INIT_25 = 256'h0,
    parameter [255:0] INIT_26 = 256'h0,
    parameter [255:0] INIT_27 = 256'h0,
    parameter [255:0] INIT_28 = 256'h0,
    parameter [255:0] INIT_29 = 256'h0,
    parameter [255:0] INIT_2A = 256'h0,
    parameter [255:0] INIT_2B = 256'h0,
    parameter [255:0] INIT_2C = 256'h0,
    parameter [255:0] INIT_2D = 256'h0,
    parameter [255:0] INIT_2E = 256'h0,
    parameter [255:0] INIT_2F = 256'h0,
    parameter [255:0] INIT_30 = 256'h0,
    parameter [255:0] INIT_31 = 256'h0,
    parameter [255:0] INIT_32 = 256'h0,
    parameter [255:0] INIT_33 = 256'h0,
    parameter [255:0] INIT_34 = 256'h0,
    parameter [255:0] INIT_35 = 256'h0,
    parameter [255:0] INIT_36 = 256'h0,
    parameter [255:0] INIT_37 = 256'h0,
    parameter [255:0] INIT_38 = 256'h0,
    parameter [255:0] INIT_39 = 256'h0,
    parameter [255:0] INIT_3A = 256'h0,
    parameter [255:0] INIT_3B = 256'h0,
    parameter [255:0] INIT_3C = 256'h0,
    parameter [255:0] INIT_3D = 256'h0,
    parameter [255:0] INIT_3E = 256'h0,
    parameter [255:0] INIT_3F = 256'h0,
    parameter [255:0] INIT_40 = 256'h0,
    parameter [255:0] INIT_41 = 256'h0,
    parameter [255:0] INIT_42 = 256'h0,
    parameter [255:0] INIT_43 = 256'h0,
    parameter [255:0] INIT_44 = 256'h0,
    parameter [255:0] INIT_45 = 256'h0,
    parameter [255:0] INIT_46 = 256'h0,
    parameter [255:0] INIT_47 = 256'h0,
    parameter [255:0] INIT_48 = 256'h0,
    parameter [255:0] INIT_49 = 256'h0,
    parameter [255:0] INIT_4A = 256'h0,
    parameter [255:0] INIT_4B = 256'h0,
    parameter [255:0] INIT_4C = 256'h0,
    parameter [255:0] INIT_4D = 256'h0,
    parameter [255:0] INIT_4E = 256'h0,
    parameter [255:0] INIT_4F = 256'h0,
    parameter [255:0] INIT_50 = 256'h0,
    parameter [255:0] INIT_51 = 256'h0,
    parameter [255:0] INIT_52 = 256'h0,
    parameter [255:0] INIT_53 = 256'h0,
    parameter [255:0] INIT_54 = 256'h0,
    parameter [255:0] INIT_55 = 256'h0,
    parameter [255:0] INIT_56 = 256'h0,
    parameter [255:0] INIT_57 = 256'h0,
    parameter [255:0] INIT_58 = 256'h0,
    parameter [255:0] INIT_59 = 256'h0,
    parameter [255:0] INIT_5A = 256'h0,
    parameter [255:0] INIT_5B = 256'h0,
    parameter [255:0] INIT_5C = 256'h0,
    parameter [255:0] INIT_5D = 256'h0,
    parameter [255:0] INIT_5E = 256'h0,
    parameter [255:0] INIT_5F = 256'h0,
    parameter [255:0] INIT_60 = 256'h0,
    parameter [255:0] INIT_61 = 256'h0,
    parameter [255:0] INIT_62 = 256'h0,
    parameter [255:0] INIT_63 = 256'h0,
    parameter [255:0] INIT_64 = 256'h0,
    parameter [255:0] INIT_65 = 256'h0,
    parameter [255:0] INIT_66 = 256'h0,
    parameter [255:0] INIT_67 = 256'h0,
    parameter [255:0] INIT_68 = 256'h0,
    parameter [255:0] INIT_69 = 256'h0,
    parameter [255:0] INIT_6A = 256'h0,
    parameter [255:0] INIT_6B = 256'h0,
    parameter [255:0] INIT_6C = 256'h0,
    parameter [255:0] INIT_6D = 256'h0,
    parameter [255:0] INIT_6E = 256'h0,
    parameter [255:0] INIT_6F = 256'h0,
    parameter [255:0] INIT_70 = 256'h0,
    parameter [255:0] INIT_71 = 256'h0,
    parameter [255:0] INIT_72 = 256'h0,
    parameter [255:0] INIT_73 = 256'h0,
    parameter [255:0] INIT_74 = 256'h0,
    parameter [255:0] INIT_75 = 256'h0,
    parameter [255:0] INIT_76 = 256'h0,
    parameter [255:0] INIT_77 = 256'h0,
    parameter [255:0] INIT_78 = 256'h0,
    parameter [255:0] INIT_79 = 256'h0,
    parameter [255:0] INIT_7A = 256'h0,
    parameter [255:0] INIT_7B = 256'h0,
    parameter [255:0] INIT_7C = 256'h0,
    parameter [255:0] INIT_7D = 256'h0,
    parameter [255:0] INIT_7E = 256'h0,
    parameter [255:0] INIT_7F = 256'h0,
    parameter [255:0] INIT_80 = 256'h0,
    parameter [255:0] INIT_81 = 256'h0,
    parameter [255:0] INIT_82 = 256'h0,
    parameter [255:0] INIT_83 = 256'h0,
    parameter [255:0] INIT_84 = 256'h0,
    parameter [255:0] INIT_85 = 256'h0,
    parameter [255:0] INIT_86 = 256'h0,
    parameter [255:0] INIT_87 = 256'h0,
    parameter [255:0] INIT_88 = 256'h0,
    parameter [255:0] INIT_89 = 256'h0,
    parameter [255:0] INIT_8A = 256'h0,
    parameter [255:0] INIT_8B = 256'h0,
    parameter [255:0] INIT_8C = 256'h0,
    parameter [255:0] INIT_8D = 256'h0,
    parameter [255:0] INIT_8E = 256'h0,
    parameter [255:0] INIT_8F = 256'h0,
    parameter [255:0] INITP_00 = 256'h0,
    parameter [255:0] INITP_01 = 256'h0,
    parameter [255:0] INITP_02 = 256'h0,
    parameter [255:0] INITP_03 = 256'h0,
    parameter [255:0] INITP_04 = 256'h0,
    parameter [255:0] INITP_05 = 256'h0,
    parameter [255:0] INITP_06 = 256'h0,
    parameter [255:0] INITP_07 = 256'h0,
    parameter [255:0] INITP_08 = 256'h0,
    parameter [255:0] INITP_09 = 256'h0,
    parameter [255:0] INITP_0A = 256'h0,
    parameter [255:0] INITP_0B = 256'h0,
    parameter [255:0] INITP_0C = 256'h0,
    parameter [255:0] INITP_0D = 256'h0,
    parameter [255:0] INITP_0E = 256'h0,
    parameter [255:0] INITP_0F = 256'h0,
    parameter [255:0] INITP_10 = 256'h0,
    parameter [255:0] INITP_11 = 256'h0,
    parameter [71:0] INIT_A = 0, parameter [71:0] INIT_B = 0,
    parameter [71:0] SRVAL_A = 0, parameter [71:0] SRVAL_B = 0,
    parameter integer READ_WIDTH_A = 0, parameter integer READ_WIDTH_B = 0,
    parameter integer WRITE_WIDTH_A = 0, parameter integer WRITE_WIDTH_B = 0,
    parameter WRITE_MODE_A = "NO_CHANGE", parameter WRITE_MODE_B = "NO_CHANGE",
    parameter integer DOA_REG = 0, parameter integer DOB_REG = 0
) (
    input CLKARDCLK, input CLKBWRCLK, input ENARDEN, input ENBWREN, input REGCEAREGCE, input REGCEB,
    input ADDRENA, input ADDRENB, input RSTRAMARSTRAM, input RSTRAMB, input RSTREGARSTREG, input RSTREGB, input SLEEP,
    input [14:0] ADDRARDADDR, input [14:0] ADDRBWRADDR,
    input [3:0] WEA, input [7:0] WEBWE,
    input [31:0] DINADIN, input [31:0] DINBDIN, input [3:0] DINPADINP, input [3:0] DINPBDINP,
    output reg [31:0] DOUTADOUT, output reg [31:0] DOUTBDOUT,
    output reg [3:0] DOUTPADOUTP, output reg [3:0] DOUTPBDOUTP
);
    localparam BYTES = 4608;
    localparam OW = 36;           // one port's width; a simple dual port reads or writes 2 * OW
    localparam DW = OW / 9 * 8;
    localparam PW = OW / 9;
    reg [7:0] data [0:BYTES-1];
    reg par [0:BYTES-1];           // one parity bit per data byte
    integer i;
    initial begin
        for (i = 0; i < 32; i = i + 1) data[0 + i] = INIT_00[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[32 + i] = INIT_01[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[64 + i] = INIT_02[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[96 + i] = INIT_03[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[128 + i] = INIT_04[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[160 + i] = INIT_05[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[192 + i] = INIT_06[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[224 + i] = INIT_07[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[256 + i] = INIT_08[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[288 + i] = INIT_09[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[320 + i] = INIT_0A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[352 + i] = INIT_0B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[384 + i] = INIT_0C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[416 + i] = INIT_0D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[448 + i] = INIT_0E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[480 + i] = INIT_0F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[512 + i] = INIT_10[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[544 + i] = INIT_11[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[576 + i] = INIT_12[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[608 + i] = INIT_13[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[640 + i] = INIT_14[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[672 + i] = INIT_15[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[704 + i] = INIT_16[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[736 + i] = INIT_17[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[768 + i] = INIT_18[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[800 + i] = INIT_19[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[832 + i] = INIT_1A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[864 + i] = INIT_1B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[896 + i] = INIT_1C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[928 + i] = INIT_1D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[960 + i] = INIT_1E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[992 + i] = INIT_1F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1024 + i] = INIT_20[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1056 + i] = INIT_21[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1088 + i] = INIT_22[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1120 + i] = INIT_23[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1152 + i] = INIT_24[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1184 + i] = INIT_25[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1216 + i] = INIT_26[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1248 + i] = INIT_27[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1280 + i] = INIT_28[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1312 + i] = INIT_29[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1344 + i] = INIT_2A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1376 + i] = INIT_2B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1408 + i] = INIT_2C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1440 + i] = INIT_2D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1472 + i] = INIT_2E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1504 + i] = INIT_2F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1536 + i] = INIT_30[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1568 + i] = INIT_31[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1600 + i] = INIT_32[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1632 + i] = INIT_33[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1664 + i] = INIT_34[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1696 + i] = INIT_35[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1728 + i] = INIT_36[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1760 + i] = INIT_37[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1792 + i] = INIT_38[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1824 + i] = INIT_39[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1856 + i] = INIT_3A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1888 + i] = INIT_3B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1920 + i] = INIT_3C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1952 + i] = INIT_3D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1984 + i] = INIT_3E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2016 + i] = INIT_3F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2048 + i] = INIT_40[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2080 + i] = INIT_41[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2112 + i] = INIT_42[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2144 + i] = INIT_43[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2176 + i] = INIT_44[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2208 + i] = INIT_45[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2240 + i] = INIT_46[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2272 + i] = INIT_47[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2304 + i] = INIT_48[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2336 + i] = INIT_49[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2368 + i] = INIT_4A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2400 + i] = INIT_4B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2432 + i] = INIT_4C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2464 + i] = INIT_4D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2496 + i] = INIT_4E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2528 + i] = INIT_4F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2560 + i] = INIT_50[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2592 + i] = INIT_51[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2624 + i] = INIT_52[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2656 + i] = INIT_53[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2688 + i] = INIT_54[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2720 + i] = INIT_55[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2752 + i] = INIT_56[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2784 + i] = INIT_57[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2816 + i] = INIT_58[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2848 + i] = INIT_59[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2880 + i] = INIT_5A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2912 + i] = INIT_5B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2944 + i] = INIT_5C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2976 + i] = INIT_5D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3008 + i] = INIT_5E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3040 + i] = INIT_5F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3072 + i] = INIT_60[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3104 + i] = INIT_61[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3136 + i] = INIT_62[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3168 + i] = INIT_63[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3200 + i] = INIT_64[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3232 + i] = INIT_65[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3264 + i] = INIT_66[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3296 + i] = INIT_67[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3328 + i] = INIT_68[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3360 + i] = INIT_69[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3392 + i] = INIT_6A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3424 + i] = INIT_6B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3456 + i] = INIT_6C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3488 + i] = INIT_6D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3520 + i] = INIT_6E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3552 + i] = INIT_6F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3584 + i] = INIT_70[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3616 + i] = INIT_71[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3648 + i] = INIT_72[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3680 + i] = INIT_73[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3712 + i] = INIT_74[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3744 + i] = INIT_75[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3776 + i] = INIT_76[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3808 + i] = INIT_77[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3840 + i] = INIT_78[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3872 + i] = INIT_79[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3904 + i] = INIT_7A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3936 + i] = INIT_7B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[3968 + i] = INIT_7C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4000 + i] = INIT_7D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4032 + i] = INIT_7E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4064 + i] = INIT_7F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4096 + i] = INIT_80[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4128 + i] = INIT_81[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4160 + i] = INIT_82[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4192 + i] = INIT_83[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4224 + i] = INIT_84[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4256 + i] = INIT_85[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4288 + i] = INIT_86[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4320 + i] = INIT_87[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4352 + i] = INIT_88[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4384 + i] = INIT_89[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4416 + i] = INIT_8A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4448 + i] = INIT_8B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4480 + i] = INIT_8C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4512 + i] = INIT_8D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4544 + i] = INIT_8E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[4576 + i] = INIT_8F[8 * i +: 8];
        for (i = 0; i < 256; i = i + 1) par[0 + i] = INITP_00[i];
        for (i = 0; i < 256; i = i + 1) par[256 + i] = INITP_01[i];
        for (i = 0; i < 256; i = i + 1) par[512 + i] = INITP_02[i];
        for (i = 0; i < 256; i = i + 1) par[768 + i] = INITP_03[i];
        for (i = 0; i < 256; i = i + 1) par[1024 + i] = INITP_04[i];
        for (i = 0; i < 256; i = i + 1) par[1280 + i] = INITP_05[i];
        for (i = 0; i < 256; i = i + 1) par[1536 + i] = INITP_06[i];
        for (i = 0; i < 256; i = i + 1) par[1792 + i] = INITP_07[i];
        for (i = 0; i < 256; i = i + 1) par[2048 + i] = INITP_08[i];
        for (i = 0; i < 256; i = i + 1) par[2304 + i] = INITP_09[i];
        for (i = 0; i < 256; i = i + 1) par[2560 + i] = INITP_0A[i];
        for (i = 0; i < 256; i = i + 1) par[2816 + i] = INITP_0B[i];
        for (i = 0; i < 256; i = i + 1) par[3072 + i] = INITP_0C[i];
        for (i = 0; i < 256; i = i + 1) par[3328 + i] = INITP_0D[i];
        for (i = 0; i < 256; i = i + 1) par[3584 + i] = INITP_0E[i];
        for (i = 0; i < 256; i = i + 1) par[3840 + i] = INITP_0F[i];
        for (i = 0; i < 256; i = i + 1) par[4096 + i] = INITP_10[i];
        for (i = 0; i < 256; i = i + 1) par[4352 + i] = INITP_11[i];
        {DOUTPBDOUTP, DOUTBDOUT, DOUTPADOUTP, DOUTADOUT} = {INIT_B[OW-1:0], INIT_A[OW-1:0]};
    end

    // Width w of a port: w data bits at word addr >> log2(w) for w < 9; else w/9 bytes with their parity bits.
    function integer lg2(input integer v); integer k; begin lg2 = 0; for (k = 1; k < v; k = k * 2) lg2 = lg2 + 1; end endfunction

    localparam SDP_READ = READ_WIDTH_A == 2 * OW;   // the double-width read port (A), data from both output halves
    localparam SDP_WRITE = WRITE_WIDTH_B == 2 * OW; // the double-width write port (B), data from both input halves
    localparam RA = SDP_READ ? 2 * OW : READ_WIDTH_A;
    localparam WA = WRITE_WIDTH_A;
    localparam RB = READ_WIDTH_B;
    localparam WB = SDP_WRITE ? 2 * OW : WRITE_WIDTH_B;

    // {parity, data} of the w-wide word at addr (w >= 9), or the w bits (w < 9) in the low bits.
    function [2*OW-1:0] rd(input integer w, input [14:0] addr);
        integer nb, b, k;
        reg [2*OW-1:0] v;
        begin
            v = 0;
            if (w >= 9) begin
                nb = w / 9;
                b = (addr >> lg2(nb * 8)) * nb;
                for (k = 0; k < 2 * OW / 9; k = k + 1) if (k < nb) begin
                    v[8 * k +: 8] = data[(b + k) % BYTES];
                    v[nb * 8 + k] = par[(b + k) % BYTES];
                end
            end else if (w > 0) begin
                b = (addr >> lg2(w)) * w;
                for (k = 0; k < 8; k = k + 1) if (k < w) v[k] = data[((b + k) / 8) % BYTES][(b + k) % 8];
            end
            rd = v;
        end
    endfunction

    task wr(input integer w, input [14:0] addr, input [2*OW-1:0] v, input [7:0] we);
        integer nb, b, k;
        begin
            if (w >= 9) begin
                nb = w / 9;
                b = (addr >> lg2(nb * 8)) * nb;
                for (k = 0; k < 2 * OW / 9; k = k + 1) if (k < nb && we[k % 8]) begin
                    data[(b + k) % BYTES] <= v[8 * k +: 8];
                    par[(b + k) % BYTES] <= v[nb * 8 + k];
                end
            end else if (w > 0 && we[0]) begin
                b = (addr >> lg2(w)) * w;
                for (k = 0; k < 8; k = k + 1) if (k < w) data[((b + k) / 8) % BYTES][(b + k) % 8] <= v[k];
            end
        end
    endtask

    // The port's input word as {parity, data}, and the output word split back onto the pins.
    function [2*OW-1:0] din(input integer w, input [DW-1:0] d, input [PW-1:0] p, input [DW-1:0] d2, input [PW-1:0] p2);
        integer k, nb;
        reg [2*OW-1:0] v;
        begin
            v = 0;
            if (w == 2 * OW) v = {p2, p, d2, d};
            else if (w >= 9) begin
                nb = w / 9;
                for (k = 0; k < PW; k = k + 1) if (k < nb) begin
                    v[8 * k +: 8] = d[8 * k +: 8];
                    v[nb * 8 + k] = p[k];
                end
            end else for (k = 0; k < 8; k = k + 1) v[k] = d[k];
            din = v;
        end
    endfunction

    wire [7:0] we_a = {2{WEA}};
    wire [7:0] we_b = SDP_WRITE ? WEBWE : {2{WEBWE[3:0]}};
    wire [2*OW-1:0] in_a = din(WA, DINADIN, DINPADINP, DINBDIN, DINPBDINP);
    wire [2*OW-1:0] in_b = SDP_WRITE ? din(WB, DINADIN, DINPADINP, DINBDIN, DINPBDINP) : din(WB, DINBDIN, DINPBDINP, DINADIN, DINPADINP);

    // Output word v of width w onto port A's pins (the double width spreads over both ports' pins) or port B's.
    task out_a(input integer w, input [2*OW-1:0] v);
        begin
            if (w == 2 * OW) {DOUTPBDOUTP, DOUTPADOUTP, DOUTBDOUT, DOUTADOUT} <= v;
            else if (w >= 9) begin DOUTADOUT <= v[DW-1:0] & ((1 << (w / 9 * 8)) - 1); DOUTPADOUTP <= (v >> (w / 9 * 8)) & ((1 << (w / 9)) - 1); end
            else DOUTADOUT <= v[DW-1:0];
        end
    endtask

    task out_b(input integer w, input [2*OW-1:0] v);
        begin
            if (w >= 9) begin DOUTBDOUT <= v[DW-1:0] & ((1 << (w / 9 * 8)) - 1); DOUTPBDOUTP <= (v >> (w / 9 * 8)) & ((1 << (w / 9)) - 1); end
            else DOUTBDOUT <= v[DW-1:0];
        end
    endtask

    wire writes_a = WA > 0 && we_a != 0;
    wire writes_b = WB > 0 && we_b != 0;

    always @(posedge CLKARDCLK) if (ENARDEN) begin
        if (RSTRAMARSTRAM) begin
            if (SDP_READ) {DOUTPBDOUTP, DOUTPADOUTP, DOUTBDOUT, DOUTADOUT} <= {SRVAL_B[OW-1:0], SRVAL_A[OW-1:0]};
            else out_a(OW, SRVAL_A[2*OW-1:0]);
        end else if (RA > 0 && !(writes_a && WRITE_MODE_A == "NO_CHANGE")) begin
            out_a(RA, writes_a && WRITE_MODE_A == "WRITE_FIRST" ? in_a : rd(RA, ADDRARDADDR));
        end
        if (writes_a) wr(WA, ADDRARDADDR, in_a, we_a);
    end

    always @(posedge CLKBWRCLK) if (ENBWREN) begin
        if (!SDP_READ && RB > 0) begin
            if (RSTRAMB) out_b(OW, SRVAL_B[2*OW-1:0]);
            else if (!(writes_b && WRITE_MODE_B == "NO_CHANGE")) out_b(RB, writes_b && WRITE_MODE_B == "WRITE_FIRST" ? in_b : rd(RB, ADDRBWRADDR));
        end
        if (writes_b) wr(WB, ADDRBWRADDR, in_b, we_b);
    end
endmodule


// RAMB18E2: 18 Kbit data + 2 Kbit parity, as UG573 describes it, for the modes synth_xilinx uses:
// true dual port at widths 1..18 (36 for RAMB36E2), simple dual port at the double width (read on A, write on B),
// WRITE_FIRST / READ_FIRST / NO_CHANGE, byte-wide write enables, INIT/INITP contents, SRVAL on RSTRAM. No output
// registers (DOx_REG 0), no cascade, no ECC: yosys does not use them here.
module RAMB18E2 #(
    parameter [255:0] INIT_00 = 256'h0,
    parameter [255:0] INIT_01 = 256'h0,
    parameter [255:0] INIT_02 = 256'h0,
    parameter [255:0] INIT_03 = 256'h0,
    parameter [255:0] INIT_04 = 256'h0,
    parameter [255:0] INIT_05 = 256'h0,
    parameter [255:0] INIT_06 = 256'h0,
    parameter [255:0] INIT_07 = 256'h0,
    parameter [255:0] INIT_08 = 256'h0,
    parameter [255:0] INIT_09 = 256'h0,
    parameter [255:0] INIT_0A = 256'h0,
    parameter [255:0] INIT_0B = 256'h0,
    parameter [255:0] INIT_0C = 256'h0,
    parameter [255:0] INIT_0D = 256'h0,
    parameter [255:0] INIT_0E = 256'h0,
    parameter [255:0] INIT_0F = 256'h0,
    parameter [255:0] INIT_10 = 256'h0,
    parameter [255:0] INIT_11 = 256'h0,
    parameter [255:0] INIT_12 = 256'h0,
    parameter [255:0] INIT_13 = 256'h0,
    parameter [255:0] INIT_14 = 256'h0,
    parameter [255:0] INIT_15 = 256'h0,
    parameter [255:0] INIT_16 = 256'h0,
    parameter [255:0] INIT_17 = 256'h0,
    parameter [255:0] INIT_18 = 256'h0,
    parameter [255:0] INIT_19 = 256'h0,
    parameter [255:0] INIT_1A = 256'h0,
    parameter [255:0] INIT_1B = 256'h0,
    parameter [255:0] INIT_1C = 256'h0,
    parameter [255:0] INIT_1D = 256'h0,
    parameter [255:0] INIT_1E = 256'h0,
    parameter [255:0] INIT_1F = 256'h0,
    parameter [255:0] INIT_20 = 256'h0,
    parameter [255:0] INIT_21 = 256'h0,
    parameter [255:0] INIT_22 = 256'h0,
    parameter [255:0] INIT_23 = 256'h0,
    parameter [255:0] INIT_24 = 256'h0,
    parameter [255:0] INIT_25 = 256'h0,
    parameter [255:0] INIT_26 = 256'h0,
    parameter [255:0] INIT_27 = 256'h0,
    parameter [255:0] INIT_28 = 256'h0,
    parameter [255:0] INIT_29 = 256'h0,
    parameter [255:0] INIT_2A = 256'h0,
    parameter [255:0] INIT_2B = 256'h0,
    parameter [255:0] INIT_2C = 256'h0,
    parameter [255:0] INIT_2D = 256'h0,
    parameter [255:0] INIT_2E = 256'h0,
    parameter [255:0] INIT_2F = 256'h0,
    parameter [255:0] INIT_30 = 256'h0,
    parameter [255:0] INIT_31 = 256'h0,
    parameter [255:0] INIT_32 = 256'h0,
    parameter [255:0] INIT_33 = 256'h0,
    parameter [255:0] INIT_34 = 256'h0,
    parameter [255:0] INIT_35 = 256'h0,
    parameter [255:0] INIT_36 = 256'h0,
    parameter [255:0] INIT_37 = 256'h0,
    parameter [255:0] INIT_38 = 256'h0,
    parameter [255:0] INIT_39 = 256'h0,
    parameter [255:0] INIT_3A = 256'h0,
    parameter [255:0] INIT_3B = 256'h0,
    parameter [255:0] INIT_3C = 256'h0,
    parameter [255:0] INIT_3D = 256'h0,
    parameter [255:0] INIT_3E = 256'h0,
    parameter [255:0] INIT_3F = 256'h0,
    parameter [255:0] INIT_40 = 256'h0,
    parameter [255:0] INIT_41 = 256'h0,
    parameter [255:0] INIT_42 = 256'h0,
    parameter [255:0] INIT_43 = 256'h0,
    parameter [255:0] INIT_44 = 256'h0,
    parameter [255:0] INIT_45 = 256'h0,
    parameter [255:0] INIT_46 = 256'h0,
    parameter [255:0] INIT_47 = 256'h0,
    parameter [255:0] INITP_00 = 256'h0,
    parameter [255:0] INITP_01 = 256'h0,
    parameter [255:0] INITP_02 = 256'h0,
    parameter [255:0] INITP_03 = 256'h0,
    parameter [255:0] INITP_04 = 256'h0,
    parameter [255:0] INITP_05 = 256'h0,
    parameter [255:0] INITP_06 = 256'h0,
    parameter [255:0] INITP_07 = 256'h0,
    parameter [255:0] INITP_08 = 256'h0,
    parameter [35:0] INIT_A = 0, parameter [35:0] INIT_B = 0,
    parameter [35:0] SRVAL_A = 0, parameter [35:0] SRVAL_B = 0,
    parameter integer READ_WIDTH_A = 0, parameter integer READ_WIDTH_B = 0,
    parameter integer WRITE_WIDTH_A = 0, parameter integer WRITE_WIDTH_B = 0,
    parameter WRITE_MODE_A = "NO_CHANGE", parameter WRITE_MODE_B = "NO_CHANGE",
    parameter integer DOA_REG = 0, parameter integer DOB_REG = 0
) (
    input CLKARDCLK, input CLKBWRCLK, input ENARDEN, input ENBWREN, input REGCEAREGCE, input REGCEB,
    input ADDRENA, input ADDRENB, input RSTRAMARSTRAM, input RSTRAMB, input RSTREGARSTREG, input RSTREGB, input SLEEP,
    input [13:0] ADDRARDADDR, input [13:0] ADDRBWRADDR,
    input [1:0] WEA, input [3:0] WEBWE,
    input [15:0] DINADIN, input [15:0] DINBDIN, input [1:0] DINPADINP, input [1:0] DINPBDINP,
    output reg [15:0] DOUTADOUT, output reg [15:0] DOUTBDOUT,
    output reg [1:0] DOUTPADOUTP, output reg [1:0] DOUTPBDOUTP
);
    localparam BYTES = 2304;
    localparam OW = 18;           // one port's width; a simple dual port reads or writes 2 * OW
    localparam DW = OW / 9 * 8;
    localparam PW = OW / 9;
    reg [7:0] data [0:BYTES-1];
    reg par [0:BYTES-1];           // one parity bit per data byte
    integer i;
    initial begin
        for (i = 0; i < 32; i = i + 1) data[0 + i] = INIT_00[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[32 + i] = INIT_01[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[64 + i] = INIT_02[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[96 + i] = INIT_03[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[128 + i] = INIT_04[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[160 + i] = INIT_05[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[192 + i] = INIT_06[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[224 + i] = INIT_07[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[256 + i] = INIT_08[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[288 + i] = INIT_09[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[320 + i] = INIT_0A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[352 + i] = INIT_0B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[384 + i] = INIT_0C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[416 + i] = INIT_0D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[448 + i] = INIT_0E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[480 + i] = INIT_0F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[512 + i] = INIT_10[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[544 + i] = INIT_11[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[576 + i] = INIT_12[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[608 + i] = INIT_13[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[640 + i] = INIT_14[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[672 + i] = INIT_15[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[704 + i] = INIT_16[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[736 + i] = INIT_17[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[768 + i] = INIT_18[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[800 + i] = INIT_19[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[832 + i] = INIT_1A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[864 + i] = INIT_1B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[896 + i] = INIT_1C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[928 + i] = INIT_1D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[960 + i] = INIT_1E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[992 + i] = INIT_1F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1024 + i] = INIT_20[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1056 + i] = INIT_21[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1088 + i] = INIT_22[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1120 + i] = INIT_23[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1152 + i] = INIT_24[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1184 + i] = INIT_25[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1216 + i] = INIT_26[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1248 + i] = INIT_27[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1280 + i] = INIT_28[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1312 + i] = INIT_29[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1344 + i] = INIT_2A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1376 + i] = INIT_2B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1408 + i] = INIT_2C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1440 + i] = INIT_2D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1472 + i] = INIT_2E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1504 + i] = INIT_2F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1536 + i] = INIT_30[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1568 + i] = INIT_31[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1600 + i] = INIT_32[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1632 + i] = INIT_33[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1664 + i] = INIT_34[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1696 + i] = INIT_35[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1728 + i] = INIT_36[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1760 + i] = INIT_37[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1792 + i] = INIT_38[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1824 + i] = INIT_39[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1856 + i] = INIT_3A[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1888 + i] = INIT_3B[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1920 + i] = INIT_3C[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1952 + i] = INIT_3D[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[1984 + i] = INIT_3E[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2016 + i] = INIT_3F[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2048 + i] = INIT_40[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2080 + i] = INIT_41[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2112 + i] = INIT_42[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2144 + i] = INIT_43[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2176 + i] = INIT_44[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2208 + i] = INIT_45[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2240 + i] = INIT_46[8 * i +: 8];
        for (i = 0; i < 32; i = i + 1) data[2272 + i] = INIT_47[8 * i +: 8];
        for (i = 0; i < 256; i = i + 1) par[0 + i] = INITP_00[i];
        for (i = 0; i < 256; i = i + 1) par[256 + i] = INITP_01[i];
        for (i = 0; i < 256; i = i + 1) par[512 + i] = INITP_02[i];
        for (i = 0; i < 256; i = i + 1) par[768 + i] = INITP_03[i];
        for (i = 0; i < 256; i = i + 1) par[1024 + i] = INITP_04[i];
        for (i = 0; i < 256; i = i + 1) par[1280 + i] = INITP_05[i];
        for (i = 0; i < 256; i = i + 1) par[1536 + i] = INITP_06[i];
        for (i = 0; i < 256; i = i + 1) par[1792 + i] = INITP_07[i];
        for (i = 0; i < 256; i = i + 1) par[2048 + i] = INITP_08[i];
        {DOUTPBDOUTP, DOUTBDOUT, DOUTPADOUTP, DOUTADOUT} = {INIT_B[OW-1:0], INIT_A[OW-1:0]};
    end

    // Width w of a port: w data bits at word addr >> log2(w) for w < 9; else w/9 bytes with their parity bits.
    function integer lg2(input integer v); integer k; begin lg2 = 0; for (k = 1; k < v; k = k * 2) lg2 = lg2 + 1; end endfunction

    localparam SDP_READ = READ_WIDTH_A == 2 * OW;   // the double-width read port (A), data from both output halves
    localparam SDP_WRITE = WRITE_WIDTH_B == 2 * OW; // the double-width write port (B), data from both input halves
    localparam RA = SDP_READ ? 2 * OW : READ_WIDTH_A;
    localparam WA = WRITE_WIDTH_A;
    localparam RB = READ_WIDTH_B;
    localparam WB = SDP_WRITE ? 2 * OW : WRITE_WIDTH_B;

    // {parity, data} of the w-wide word at addr (w >= 9), or the w bits (w < 9) in the low bits.
    function [2*OW-1:0] rd(input integer w, input [13:0] addr);
        integer nb, b, k;
        reg [2*OW-1:0] v;
        begin
            v = 0;
            if (w >= 9) begin
                nb = w / 9;
                b = (addr >> lg2(nb * 8)) * nb;
                for (k = 0; k < 2 * OW / 9; k = k + 1) if (k < nb) begin
                    v[8 * k +: 8] = data[(b + k) % BYTES];
                    v[nb * 8 + k] = par[(b + k) % BYTES];
                end
            end else if (w > 0) begin
                b = (addr >> lg2(w)) * w;
                for (k = 0; k < 8; k = k + 1) if (k < w) v[k] = data[((b + k) / 8) % BYTES][(b + k) % 8];
            end
            rd = v;
        end
    endfunction

    task wr(input integer w, input [13:0] addr, input [2*OW-1:0] v, input [7:0] we);
        integer nb, b, k;
        begin
            if (w >= 9) begin
                nb = w / 9;
                b = (addr >> lg2(nb * 8)) * nb;
                for (k = 0; k < 2 * OW / 9; k = k + 1) if (k < nb && we[k % 8]) begin
                    data[(b + k) % BYTES] <= v[8 * k +: 8];
                    par[(b + k) % BYTES] <= v[nb * 8 + k];
                end
            end else if (w > 0 && we[0]) begin
                b = (addr >> lg2(w)) * w;
                for (k = 0; k < 8; k = k + 1) if (k < w) data[((b + k) / 8) % BYTES][(b + k) % 8] <= v[k];
            end
        end
    endtask

    // The port's input word as {parity, data}, and the output word split back onto the pins.
    function [2*OW-1:0] din(input integer w, input [DW-1:0] d, input [PW-1:0] p, input [DW-1:0] d2, input [PW-1:0] p2);
        integer k, nb;
        reg [2*OW-1:0] v;
        begin
            v = 0;
            if (w == 2 * OW) v = {p2, p, d2, d};
            else if (w >= 9) begin
                nb = w / 9;
                for (k = 0; k < PW; k = k + 1) if (k < nb) begin
                    v[8 * k +: 8] = d[8 * k +: 8];
                    v[nb * 8 + k] = p[k];
                end
            end else for (k = 0; k < 8; k = k + 1) v[k] = d[k];
            din = v;
        end
    endfunction

    wire [7:0] we_a = {4{WEA}};
    wire [7:0] we_b = SDP_WRITE ? {{4{1'b0}}, WEBWE} : {4{WEBWE[1:0]}};
    wire [2*OW-1:0] in_a = din(WA, DINADIN, DINPADINP, DINBDIN, DINPBDINP);
    wire [2*OW-1:0] in_b = SDP_WRITE ? din(WB, DINADIN, DINPADINP, DINBDIN, DINPBDINP) : din(WB, DINBDIN, DINPBDINP, DINADIN, DINPADINP);

    // Output word v of width w onto port A's pins (the double width spreads over both ports' pins) or port B's.
    task out_a(input integer w, input [2*OW-1:0] v);
        begin
            if (w == 2 * OW) {DOUTPBDOUTP, DOUTPADOUTP, DOUTBDOUT, DOUTADOUT} <= v;
            else if (w >= 9) begin DOUTADOUT <= v[DW-1:0] & ((1 << (w / 9 * 8)) - 1); DOUTPADOUTP <= (v >> (w / 9 * 8)) & ((1 << (w / 9)) - 1); end
            else DOUTADOUT <= v[DW-1:0];
        end
    endtask

    task out_b(input integer w, input [2*OW-1:0] v);
        begin
            if (w >= 9) begin DOUTBDOUT <= v[DW-1:0] & ((1 << (w / 9 * 8)) - 1); DOUTPBDOUTP <= (v >> (w / 9 * 8)) & ((1 << (w / 9)) - 1); end
            else DOUTBDOUT <= v[DW-1:0];
        end
    endtask

    wire writes_a = WA > 0 && we_a != 0;
    wire writes_b = WB > 0 && we_b != 0;

    always @(posedge CLKARDCLK) if (ENARDEN) begin
        if (RSTRAMARSTRAM) begin
            if (SDP_READ) {DOUTPBDOUTP, DOUTPADOUTP, DOUTBDOUT, DOUTADOUT} <= {SRVAL_B[OW-1:0], SRVAL_A[OW-1:0]};
            else out_a(OW, SRVAL_A[2*OW-1:0]);
        end else if (RA > 0 && !(writes_a && WRITE_MODE_A == "NO_CHANGE")) begin
            out_a(RA, writes_a && WRITE_MODE_A == "WRITE_FIRST" ? in_a : rd(RA, ADDRARDADDR));
        end
        if (writes_a) wr(WA, ADDRARDADDR, in_a, we_a);
    end

    always @(posedge CLKBWRCLK) if (ENBWREN) begin
        if (!SDP_READ && RB > 0) begin
            if (RSTRAMB) out_b(OW, SRVAL_B[2*OW-1:0]);
            else if (!(writes_b && WRITE_MODE_B == "NO_CHANGE")) out_b(RB, writes_b && WRITE_MODE_B == "WRITE_FIRST" ? in_b : rd(RB, ADDRBWRADDR));
        end
        if (writes_b) wr(WB, ADDRBWRADDR, in_b, we_b);
    end
endmodule


// URAM288: 4K x 72, one clock, port A's operation before port B's in a cycle, no output registers (OREG_x FALSE),
// NO_CHANGE on write, byte-wide writes (PARITY_INTERLEAVED: BWE[i] writes byte i and parity bit 64 + i;
// PARITY_INDEPENDENT: BWE[i] byte i for i < 8 and BWE[8] the 8 parity bits). No contents at power-up (zeros).
module URAM288 #(
    parameter BWE_MODE_A = "PARITY_INTERLEAVED", parameter BWE_MODE_B = "PARITY_INTERLEAVED",
    parameter EN_AUTO_SLEEP_MODE = "FALSE", parameter IREG_PRE_A = "FALSE", parameter IREG_PRE_B = "FALSE",
    parameter [0:0] IS_CLK_INVERTED = 1'b0, parameter OREG_A = "FALSE", parameter OREG_B = "FALSE",
    parameter RST_MODE_A = "SYNC", parameter RST_MODE_B = "SYNC"
) (
    input CLK, input SLEEP,
    input [22:0] ADDR_A, input [8:0] BWE_A, input EN_A, input RDB_WR_A, input INJECT_DBITERR_A, input INJECT_SBITERR_A,
    input RST_A, input [71:0] DIN_A, output reg [71:0] DOUT_A,
    input [22:0] ADDR_B, input [8:0] BWE_B, input EN_B, input RDB_WR_B, input INJECT_DBITERR_B, input INJECT_SBITERR_B,
    input RST_B, input [71:0] DIN_B, output reg [71:0] DOUT_B
);
    reg [71:0] mem [0:4095];
    integer i;
    initial begin
        for (i = 0; i < 4096; i = i + 1) mem[i] = 72'h0;
        DOUT_A = 0;
        DOUT_B = 0;
    end

    function [71:0] merge(input [71:0] old, input [71:0] din, input [8:0] bwe, input interleaved);
        integer k;
        reg [71:0] v;
        begin
            v = old;
            for (k = 0; k < 8; k = k + 1) begin
                if (bwe[k]) v[8 * k +: 8] = din[8 * k +: 8];
                if (interleaved ? bwe[k] : bwe[8]) v[64 + k] = din[64 + k];
            end
            merge = v;
        end
    endfunction

    wire clk = CLK ^ IS_CLK_INVERTED;
    always @(posedge clk) begin : ports
        reg [71:0] a_word;
        if (RST_A) DOUT_A <= 0;
        else if (EN_A && !RDB_WR_A) DOUT_A <= mem[ADDR_A[11:0]];
        a_word = EN_A && RDB_WR_A ? merge(mem[ADDR_A[11:0]], DIN_A, BWE_A, BWE_MODE_A == "PARITY_INTERLEAVED") : mem[ADDR_A[11:0]];
        if (EN_A && RDB_WR_A) mem[ADDR_A[11:0]] <= a_word;
        if (RST_B) DOUT_B <= 0;
        else if (EN_B && !RDB_WR_B) DOUT_B <= ADDR_B[11:0] == ADDR_A[11:0] ? a_word : mem[ADDR_B[11:0]]; // A's write is seen
        if (EN_B && RDB_WR_B) mem[ADDR_B[11:0]] <= merge(ADDR_B[11:0] == ADDR_A[11:0] ? a_word : mem[ADDR_B[11:0]], DIN_B, BWE_B, BWE_MODE_B == "PARITY_INTERLEAVED");
    end
endmodule
