using System;
using System.IO;
using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Cli.Synthesis;
using CanIds.Fpga.Sim;
using CanIds.Hil;
using CanIds.Model.Hardware;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>The iCE40 build synthesised and placed once for the tests that need it.</summary>
    public sealed class Ice40Build
    {
        public Ice40Build()
        {
            Flow = new YosysFlow(Path.Combine(TestPaths.Root, "fpga", "rtl"), TestPaths.NewScratch());
            Hardware = HardwareConfig.For(Model, 2048);
            Result = Flow.Ice40(Model, Hardware, 24, "test-ice40-2048");
        }

        public IntegerModel Model { get; } = Models.Load(Models.BuiltIn);

        public YosysFlow Flow { get; }

        public HardwareConfig Hardware { get; }

        public Ice40Result Result { get; }
    }

    /// <summary>
    /// The RTL through yosys for UltraScale+ (it synthesises, with no latches, within the paper's resources) and through
    /// yosys and nextpnr for the iCE40 UP5K (it fits, routed, fast enough for a saturated 1 Mbit/s bus, and its netlist
    /// simulated at gate level judges every frame as the integer model does).
    /// </summary>
    public class SynthesisTests(Ice40Build ice40) : IClassFixture<Ice40Build>
    {
        [Fact]
        public void TheDefaultBuildSynthesisesWithoutLatchesInFewerLutsThanThePaperAndAtMostFourBlockRams()
        {
            var model = Models.Load(Models.BuiltIn);
            var flow = new YosysFlow(Path.Combine(TestPaths.Root, "fpga", "rtl"), TestPaths.NewScratch());
            var r = flow.Xilinx(model, HardwareConfig.For(model), uram: true, "test-xcup-1024-uram");

            Assert.DoesNotContain(r.Cells.Keys, c => c.StartsWith("LD")); // LDCE/LDPE: an inferred latch is a bug
            Assert.True(r.Luts < 3_999, $"{r.Luts} LUTs; the paper's design takes 3,999");
            Assert.True(r.Bram36 <= 4, $"{r.Bram36} BRAM36; the paper's design takes 4");
            Assert.Equal(0, r.Dsp);
            Assert.True(r.FlipFlops > 1_000, $"{r.FlipFlops} flip-flops: the design was optimised away");
            Assert.Equal(2, r.Uram);
        }

        [Fact]
        public void TheFoldedBuildFitsAnIce40Up5kAndKeepsUpWithASaturatedBus()
        {
            var r = ice40.Result;
            Assert.True(r.Fits, r.Problem);
            Assert.True(r.Cells <= r.CellsAvailable && r.CellsAvailable == 5_280, $"{r.Cells} / {r.CellsAvailable} logic cells");
            Assert.Equal(4, r.Spram);
            // A saturated 1 Mbit/s bus carries at most ~9,000 frames/s: one inference each, with the routed clock.
            int cycles = CanIds.Cli.Commands.SynthCommand.Cycles(ice40.Hardware);
            Assert.True(r.FmaxMhz * 1e6 / cycles >= 9_000, $"{r.FmaxMhz} MHz / {cycles} cycles per inference");
        }

        /// <summary>
        /// Post-synthesis: the netlist yosys wrote for the iCE40 (its LUTs, carries, flip-flops, block RAMs and SPRAMs,
        /// simulated with yosys's own cell models) behind the same SPI pins, driven by the firmware's link code: the model
        /// loaded over the link as a flashed update is (SPRAM has no power-up contents), then 2,000 frames, every
        /// verdict the integer model's.
        /// </summary>
        [Fact]
        public void TheSynthesisedIce40NetlistJudgesEveryFrameAsTheIntegerModel()
        {
            var cells = new[] { "/usr/share/yosys/ice40/cells_sim.v", "/usr/local/share/yosys/ice40/cells_sim.v" }.FirstOrDefault(File.Exists);
            Assert.True(cells != null, "yosys's iCE40 cell models (ice40/cells_sim.v) are not installed (scripts/setup.sh installs yosys)");
            JudgesEveryFrameAsTheIntegerModel(RtlSimulator.BuildNetlist(ice40.Result.Netlist, TestPaths.NewScratch(), cells!), ice40.Model, ice40.Hardware);
        }

        /// <summary>
        /// Post-synthesis for UltraScale+: the netlist of the shipped build (LUTs, flip-flops, LUT RAMs from yosys's
        /// xilinx/cells_sim.v; block RAMs and UltraRAMs from fpga/sim/ultrascale_cells.v, which yosys lacks) behind the
        /// same SPI pins, loaded and judged as the iCE40 netlist is.
        /// </summary>
        [Fact]
        public void TheSynthesisedUltraScaleNetlistJudgesEveryFrameAsTheIntegerModel()
        {
            var cells = new[] { "/usr/share/yosys/xilinx/cells_sim.v", "/usr/local/share/yosys/xilinx/cells_sim.v" }.FirstOrDefault(File.Exists);
            Assert.True(cells != null, "yosys's Xilinx cell models (xilinx/cells_sim.v) are not installed (scripts/setup.sh installs yosys)");
            var model = Models.Load(Models.BuiltIn);
            var hardware = HardwareConfig.For(model);
            var flow = new YosysFlow(Path.Combine(TestPaths.Root, "fpga", "rtl"), TestPaths.NewScratch());
            var netlist = flow.Xilinx(model, hardware, uram: true, "test-xcup-netlist").Netlist;
            var library = RtlSimulator.BuildNetlist(netlist, TestPaths.NewScratch(), cells!, Path.Combine(TestPaths.Root, "fpga", "sim", "ultrascale_cells.v"));
            JudgesEveryFrameAsTheIntegerModel(library, model, hardware);
        }

        // The firmware boots on the netlist's pins, loads the model over the link, and feeds 2,000 frames from just before
        // the first attack burst (benign traffic, then attacks): every verdict must be the integer model's, rule included.
        private static void JudgesEveryFrameAsTheIntegerModel(string library, IntegerModel model, HardwareConfig hardware)
        {
            using var fpga = new RtlSimulator(library, null);
            var rig = new FirmwareRig(fpga, new CapturingSerial(), new DirectoryStorage(TestPaths.NewScratch())) { Fpga = fpga };
            rig.App.Boot();
            Assert.Equal(hardware.ConfigId, rig.App.Link.Status.ConfigId);
            rig.LoadModel(model, hardware);

            var traffic = TrafficGenerator.Generate(new GeneratorOptions { DurationSeconds = 20, Seed = 94, Attacks = [.. TrafficGenerator.KnownAttacks] }).ToList();
            int firstAttack = traffic.FindIndex(r => r.Label != CanIds.Traffic.TrafficClasses.Benign);
            var frames = traffic.Skip(System.Math.Max(0, firstAttack - 300)).Take(2000).ToList();
            rig.Feed(frames, perRound: 8);
            var windows = WindowSet.FromRecordsDiscoveringClasses(frames, model.WindowFrames);
            var expected = ModelRunner.Judge(model, windows.Inputs.AsSpan(0, windows.Count * windows.InputLength));
            Assert.Equal(0, rig.Lost);
            Assert.Equal(frames.Count, rig.Verdicts.Count);
            for (int i = 0; i < frames.Count; i++)
                Assert.True(expected[i] == rig.Verdicts[i].Class, $"frame {i}: the netlist says class {rig.Verdicts[i].Class}, the integer model {expected[i]}");
            int attacks = expected.Count(c => c != 0);
            Assert.True(attacks > 100, $"only {attacks} attack frames: the check would not see a wrong attack path");
        }
    }
}
