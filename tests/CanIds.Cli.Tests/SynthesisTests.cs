using System.IO;
using System.Linq;
using CanIds.Cli.Synthesis;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>
    /// The RTL through yosys for UltraScale+ (it synthesises, with no latches, within the paper's resources) and through
    /// yosys and nextpnr for the iCE40 UP5K (it fits, routed, fast enough for a saturated 1 Mbit/s bus).
    /// </summary>
    public class SynthesisTests
    {
        [Fact]
        public void TheDefaultBuildSynthesisesWithoutLatchesInFewerLutsThanThePaperAndAtMostFourBlockRams()
        {
            var model = ModelFile.Load(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"));
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
            var model = ModelFile.Load(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"));
            var flow = new YosysFlow(Path.Combine(TestPaths.Root, "fpga", "rtl"), TestPaths.NewScratch());
            var hardware = HardwareConfig.For(model, 2048);
            var r = flow.Ice40(model, hardware, 24, "test-ice40-2048");

            Assert.True(r.Fits, r.Problem);
            Assert.True(r.Cells <= r.CellsAvailable && r.CellsAvailable == 5_280, $"{r.Cells} / {r.CellsAvailable} logic cells");
            Assert.Equal(4, r.Spram);
            // A saturated 1 Mbit/s bus carries at most ~9,000 frames/s: one inference each, with the routed clock.
            int cycles = CanIds.Cli.Commands.SynthCommand.Cycles(hardware);
            Assert.True(r.FmaxMhz * 1e6 / cycles >= 9_000, $"{r.FmaxMhz} MHz / {cycles} cycles per inference");
        }
    }
}
