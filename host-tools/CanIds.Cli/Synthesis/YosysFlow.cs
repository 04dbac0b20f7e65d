using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;

namespace CanIds.Cli.Synthesis
{
    /// <summary>
    /// Synthesises fpga/rtl for one model and folding with yosys (UltraScale+ xcup, the paper's XCZU7EV class) and
    /// places and routes it with nextpnr for an iCE40 UP5K. Every run gets its own folder with the generated
    /// parameters, the scripts and the tools' logs.
    /// </summary>
    public sealed partial class YosysFlow(string rtlDir, string workDir)
    {
        private static readonly Dictionary<string, int> LutRamCost = new()
        {
            ["RAM32M16"] = 8, ["RAM32M"] = 4, ["RAM64M8"] = 8, ["RAM64M"] = 4, ["RAM32X1S"] = 1, ["RAM32X1D"] = 2,
            ["RAM64X1S"] = 1, ["RAM64X1D"] = 2, ["RAM128X1S"] = 2, ["RAM128X1D"] = 4, ["RAM256X1S"] = 4, ["RAM256X1D"] = 8,
            ["RAM512X1S"] = 8, ["SRL16E"] = 1, ["SRLC32E"] = 1,
        };

        private string[] Sources => Directory.GetFiles(rtlDir, "*.v").OrderBy(f => f, StringComparer.Ordinal).ToArray();

        /// <summary>
        /// UltraScale+ resources of <paramref name="model"/> folded as <paramref name="hardware"/>. With
        /// <paramref name="uram"/>, the two largest weight memories go to UltraRAM (no power-up contents: the MCU loads
        /// the model at boot); otherwise everything is block or LUT RAM and the bitstream carries the model.
        /// </summary>
        public XilinxResources Xilinx(IntegerModel model, HardwareConfig hardware, bool uram, string name)
        {
            var dir = Prepare(model, hardware, name);
            var log = Yosys(dir, name, "xcup.ys", "xcup",
                $"chparam -set MEM_DIR \"{dir}/\" -set W_STYLE {(uram ? 2 : 0)} cqmlp_top\n" +
                "hierarchy -top cqmlp_top\n" +
                $"synth_xilinx -family xcup -top cqmlp_top -flatten -noiopad -abc9{(uram ? " -uram" : "")}\n" +
                "stat\n" +
                "write_verilog -noattr netlist.v\n"); // what a post-synthesis simulation runs (with fpga/sim/ultrascale_cells.v)
            var cells = Cells(File.ReadAllText(log));
            int Count(Func<string, bool> match) => cells.Where(c => match(c.Key)).Sum(c => c.Value);
            return new XilinxResources
            {
                LogicLuts = Count(c => LutName().IsMatch(c)),
                LutRam = cells.Sum(c => LutRamCost.TryGetValue(c.Key, out int cost) ? cost * c.Value : 0),
                FlipFlops = Count(c => c.StartsWith("FD", StringComparison.Ordinal)),
                Bram36 = Count(c => c == "RAMB36E2") + Count(c => c == "RAMB18E2") / 2.0,
                Uram = Count(c => c == "URAM288"),
                Dsp = Count(c => c.StartsWith("DSP", StringComparison.Ordinal)),
                Cells = cells,
                Netlist = Path.Combine(dir, "netlist.v"),
            };
        }

        /// <summary>iCE40 UP5K (SG48) place and route of <paramref name="model"/> folded as <paramref name="hardware"/>, weights in SPRAM.</summary>
        public Ice40Result Ice40(IntegerModel model, HardwareConfig hardware, double targetMhz, string name)
        {
            var dir = Prepare(model, hardware, name);
            // The first three weight memories go to SPRAM (no power-up contents: the MCU loads the model at boot).
            Yosys(dir, name, "ice40.ys", "ice40-yosys",
                $"chparam -set MEM_DIR \"{dir}/\" -set W_STYLE 2 -set BIG_LAYERS 3 cqmlp_top\n" +
                "hierarchy -top cqmlp_top\n" +
                "synth_ice40 -top cqmlp_top -spram -abc9 -json ice40.json\n" +
                "write_verilog -noattr netlist.v\n"); // what a post-synthesis simulation runs
            var pnrLog = Path.Combine(dir, "nextpnr.log");
            File.Delete(pnrLog);
            int rc = ToolRunner.Run("nextpnr-ice40", $"--up5k --package sg48 --json ice40.json --freq {targetMhz.ToString(CultureInfo.InvariantCulture)} --timing-allow-fail --seed 1 -l {pnrLog}", dir, Path.Combine(dir, "nextpnr.out"), TimeSpan.FromMinutes(60));
            var text = File.ReadAllText(pnrLog);
            var lc = IceUse(text, "ICESTORM_LC");
            var fmax = FmaxLine().Matches(text).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).LastOrDefault();
            return new Ice40Result
            {
                Netlist = Path.Combine(dir, "netlist.v"),
                Cells = lc.Used,
                CellsAvailable = lc.Available,
                Ebr = IceUse(text, "ICESTORM_RAM").Used,
                Spram = IceUse(text, "ICESTORM_SPRAM").Used,
                Fits = rc == 0,
                FmaxMhz = rc == 0 && fmax > 0 ? fmax : null,
                Problem = rc == 0 ? null : LastError(pnrLog) is var e && e.Contains("no BELs remaining", StringComparison.Ordinal)
                    ? $"placement failed: not enough cells of type {Regex.Match(e, @"cell type '([A-Z_]+)'").Groups[1].Value}"
                    : LastError(pnrLog),
            };
        }

        private string Prepare(IntegerModel model, HardwareConfig hardware, string name)
        {
            var dir = Path.GetFullPath(Path.Combine(workDir, name));
            Directory.CreateDirectory(dir);
            RtlExport.Write(dir, model, hardware);
            return dir;
        }

        /// <summary>Runs yosys on the RTL with <paramref name="commands"/> after reading it; returns the log's path.</summary>
        private string Yosys(string dir, string name, string scriptName, string logName, string commands)
        {
            var script = Path.Combine(dir, scriptName);
            File.WriteAllText(script, Read(dir) + commands);
            var log = Path.Combine(dir, logName + ".log");
            File.Delete(log);
            if (ToolRunner.Run("yosys", $"-q -l {log} {script}", dir, Path.Combine(dir, logName + ".out"), TimeSpan.FromMinutes(30)) != 0)
                throw new InvalidOperationException($"yosys failed for {name}: {LastError(log)}");
            return log;
        }

        private string Read(string genDir) =>
            $"read_verilog -defer -I{rtlDir} -I{genDir} {string.Join(" ", Sources)}\n";

        /// <summary>Cell counts of the last statistics block of a yosys log.</summary>
        internal static Dictionary<string, int> Cells(string log)
        {
            int at = log.LastIndexOf("Number of cells:", StringComparison.Ordinal);
            if (at < 0) throw new InvalidOperationException("no statistics in the yosys log");
            var cells = new Dictionary<string, int>();
            foreach (var line in log[at..].Split('\n').Skip(1))
            {
                var m = CellLine().Match(line);
                if (!m.Success) break;
                cells[m.Groups[1].Value] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            }

            return cells;
        }

        private static (int Used, int Available) IceUse(string log, string cell)
        {
            var m = Regex.Matches(log, @$"{cell}:\s+(\d+)/\s*(\d+)").LastOrDefault();
            return m == null ? (0, 0) : (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        private static string LastError(string log) =>
            File.Exists(log) ? File.ReadLines(log).LastOrDefault(l => l.Contains("ERROR", StringComparison.Ordinal))?.Trim() ?? "see " + log : "no log";

        [GeneratedRegex(@"^\s+([A-Za-z0-9_$]+)\s+(\d+)\s*$")]
        private static partial Regex CellLine();

        [GeneratedRegex(@"^LUT[1-6]$")]
        private static partial Regex LutName();

        [GeneratedRegex(@"Max frequency for clock[^:]*: ([0-9.]+) MHz")]
        private static partial Regex FmaxLine();
    }
}
