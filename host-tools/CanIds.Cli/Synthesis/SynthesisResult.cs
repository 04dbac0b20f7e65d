using System.Collections.Generic;

namespace CanIds.Cli.Synthesis
{
    /// <summary>Resources of one synthesis run, counted the way vendor reports count them.</summary>
    public sealed record XilinxResources
    {
        /// <summary>LUTs used as logic.</summary>
        public int LogicLuts { get; init; }

        /// <summary>LUTs used as distributed RAM (LUT-equivalents of the LUT RAM primitives).</summary>
        public int LutRam { get; init; }

        /// <summary>All LUTs: logic and memory.</summary>
        public int Luts => LogicLuts + LutRam;

        /// <summary>Flip-flops.</summary>
        public int FlipFlops { get; init; }

        /// <summary>RAMB36 equivalents: RAMB36 + RAMB18 / 2.</summary>
        public double Bram36 { get; init; }

        /// <summary>UltraRAM blocks.</summary>
        public int Uram { get; init; }

        /// <summary>DSP slices.</summary>
        public int Dsp { get; init; }

        /// <summary>Every cell type and count.</summary>
        public IReadOnlyDictionary<string, int> Cells { get; init; } = new Dictionary<string, int>();

        /// <summary>The synthesised netlist (UltraScale+ cells), as yosys wrote it for post-synthesis simulation.</summary>
        public string Netlist { get; init; } = "";
    }

    /// <summary>Utilisation and timing of an iCE40 UltraPlus place and route.</summary>
    public sealed record Ice40Result
    {
        /// <summary>The synthesised netlist (iCE40 cells), as yosys wrote it for post-synthesis simulation.</summary>
        public string Netlist { get; init; } = "";

        /// <summary>Logic cells used (LUT4 + FF + carry packed) and available.</summary>
        public int Cells { get; init; }

        /// <summary>Logic cells of the device.</summary>
        public int CellsAvailable { get; init; }

        /// <summary>Embedded 4 kbit block RAMs used.</summary>
        public int Ebr { get; init; }

        /// <summary>256 kbit single-port RAMs used.</summary>
        public int Spram { get; init; }

        /// <summary>Whether placement and routing succeeded.</summary>
        public bool Fits { get; init; }

        /// <summary>Maximum core clock from nextpnr's timing analysis (MHz), when routed.</summary>
        public double? FmaxMhz { get; init; }

        /// <summary>Why it did not fit, in nextpnr's words.</summary>
        public string? Problem { get; init; }
    }
}
