using System.Linq;
using CanIds.Firmware.Config;
using CanIds.Fpga.Sim;
using CanIds.Hil;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>
    /// The firmware's detection path, compiled for .NET from the device sources, with the Verilated FPGA on its SPI
    /// port: every frame's verdict equals the integer reference model's.
    /// </summary>
    public class FirmwareEndToEndTests
    {
        [Fact]
        public void EveryFrameOfAGeneratedDriveGetsTheReferenceVerdict()
        {
            var frames = Rigs.Traffic(12, seed: 31);
            var expected = Rigs.Expected(Rigs.Unflashed, frames);
            using var fpga = RtlSimulator.ForTest("firmware-e2e");
            var rig = Rigs.New(fpga, TestPaths.NewScratch());
            rig.App.Boot();
            Assert.True(rig.App.Link.Connected);
            // Bursts of 7 frames between rounds of the main loop: PUSHes of up to 7 frame records.
            rig.Feed(frames, perRound: 7);
            Rigs.AssertEveryVerdict(rig, expected);
            Assert.True(expected.Count(c => c != 0) > 3000, "the drive must contain attacks");
            Assert.Equal(frames.Count, rig.App.Verdicts.Judged);
            Assert.Equal(expected.Count(c => c != 0), rig.App.Verdicts.Attacks);
            Assert.Equal(0, rig.Bus.Overruns);
            Assert.Equal(0, rig.App.Link.Resent);
        }

        [Fact]
        public void CorruptedCutAndLostTransfersAreRepairedWithoutLosingAVerdict()
        {
            var frames = Rigs.Traffic(3, seed: 32);
            var expected = Rigs.Expected(Rigs.Unflashed, frames);
            using var fpga = RtlSimulator.ForTest("firmware-faults");
            var spi = new FaultySpi(fpga, faultRate: 0.04, seed: 5);
            var rig = new FirmwareRig(spi, new CapturingSerial(), new DirectoryStorage(TestPaths.NewScratch())) { Fpga = fpga };
            rig.App.Boot();
            rig.Feed(frames, perRound: 5);
            Rigs.AssertEveryVerdict(rig, expected);
            Assert.All(spi.Injected, n => Assert.True(n >= 5, $"faults injected: {string.Join(",", spi.Injected)}"));
            Assert.True(rig.App.Link.Resent > 0 && rig.App.Link.BadResponses > 0);
        }

        [Theory]
        [InlineData(FailMode.Closed)]
        [InlineData(FailMode.Open)]
        public void ASilentFpgaIsReportedCountedAndRecoveredFrom(FailMode mode)
        {
            var frames = Rigs.Traffic(2, seed: 33);
            using var fpga = RtlSimulator.ForTest("firmware-silent");
            var spi = new FaultySpi(fpga, 0, 1);
            var serial = new CapturingSerial();
            var rig = new FirmwareRig(spi, serial, new DirectoryStorage(TestPaths.NewScratch()), new FirmwareOptions { FailMode = mode, RetryMs = 100 }) { Fpga = fpga };
            rig.App.Boot();
            rig.Feed(frames.Take(500), perRound: 3);
            Assert.Equal(500, rig.Verdicts.Count);

            spi.Silent = true;
            rig.Feed(frames.Skip(500).Take(300), perRound: 3);
            Assert.True(rig.App.Pipeline.Down);
            Assert.Contains(serial.Lines, l => l.StartsWith("LINK ") && l.Contains("down reason=no-response"));
            // Fail-closed forces the pin; fail-open leaves it to the verdicts (held 500 ms after the last attack judged).
            bool recentAttack = rig.Verdicts.Any(v => v.Class != 0 && v.TimeUs + new FirmwareOptions().AlertHoldMs * 1000L >= rig.Clock.Microseconds);
            Assert.True((mode == FailMode.Closed || recentAttack) == rig.Pin.High, $"pin {rig.Pin.High}, attacks judged {rig.Verdicts.Count(v => v.Class != 0)} (labelled {frames.Take(500).Count(f => f.Label != "Benign")})");

            spi.Silent = false;
            rig.Clock.Advance(200_000);
            rig.App.RunOnce();
            Assert.False(rig.App.Pipeline.Down);
            Assert.Contains(serial.Lines, l => l.StartsWith("LINK ") && l.EndsWith(" up"));
            int judgedBefore = rig.Verdicts.Count;
            rig.Feed(frames.Skip(800).Take(200), perRound: 3);
            Assert.Equal(judgedBefore + 200, rig.Verdicts.Count);
            // Every frame is either judged or counted as unjudged: exactly the 300 of the outage, none silently dropped.
            Assert.Equal(300, rig.App.Verdicts.Unjudged);
            Assert.Equal(700, rig.App.Verdicts.Judged);
            // Once attacks stop, the pin drops: fail-closed released its hold when the link came back.
            rig.Clock.Advance(2_000_000);
            rig.App.RunOnce();
            Assert.False(rig.Pin.High);
        }
    }
}
