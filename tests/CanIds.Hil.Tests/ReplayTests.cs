using System;
using System.Linq;
using CanIds.Core.Image;
using CanIds.Device;
using CanIds.Fpga.Sim;
using CanIds.Hil.Replay;
using CanIds.Model.Hardware;
using CanIds.TestSupport;
using CanIds.Traffic;
using Xunit;
using Xunit.Abstractions;

namespace CanIds.Hil.Tests
{
    /// <summary>Timed replay through the firmware logic and the Verilated FPGA: every verdict bit-exact, latency measured from the simulated link.</summary>
    public class ReplayTests(ITestOutputHelper output)
    {
        private static readonly LinkTimingModel Timing = new();

        // The longest main-loop round: a transfer with a full PUSH, its frames taken, its bits on the wire, and the FPGA
        // judging a full FIFO meanwhile.
        private static readonly double LongestRound = Timing.McuTransferUs + 12 * Timing.McuFrameUs + (7 + 12 * 10 + 2) * 8 / Timing.ActualSpiMhz
            + Fpga.Sim.RtlSimulator.DefaultPipelineUs(Timing.FpgaMhz, 25);

        [Fact]
        public void AtRecordedPaceEveryFrameIsJudgedBitExactlyBeforeTheNextArrives()
        {
            var records = Rigs.Traffic(4.0, seed: 91);
            var expected = Rigs.Expected(Rigs.DefaultModel, records);
            var arrivals = ReplayTiming.Arrivals(records, ReplayPace.Recorded, 500_000);
            using var fpga = RtlSimulator.ForTest("replay-recorded");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = RtlReplay.Run(fpga, HardwareConfig.Shipped, records, arrivals, Timing, Rigs.DefaultModel, TestPaths.NewScratch());
            output.WriteLine($"{records.Count} frames in {clock.Elapsed.TotalSeconds:F1} s; p50 {outcome.Percentile(50)} p99 {outcome.Percentile(99)} max {outcome.Percentile(100)} µs; before next {outcome.JudgedBeforeNext}; cycles {fpga.Cycles}");

            Assert.Equal(0, outcome.Mismatches(expected));
            Assert.Equal(records.Count, outcome.MeasuredLatencies.Length);
            Assert.Equal(0, outcome.Overruns);
            // Nothing can be faster than the MCU's cost of taking one frame and one transfer, plus the PUSH's bits on the wire.
            double floor = Timing.McuFrameUs + Timing.McuTransferUs + 19 * 8 / Timing.ActualSpiMhz;
            Assert.True(outcome.Percentile(0) >= floor, $"min latency {outcome.Percentile(0)} µs is below the physical floor {floor:F1} µs");
            Assert.True(outcome.Percentile(100) < LongestRound * 4, $"max latency {outcome.Percentile(100)} µs: longer than four of the longest main-loop rounds ({LongestRound:F0} µs)");
        }

        [Fact]
        public void AtFullBusLoadOfOneMegabitNoFrameIsDroppedAndEveryVerdictIsBitExact()
        {
            var records = Rigs.Traffic(3.0, seed: 92);
            var expected = Rigs.Expected(Rigs.DefaultModel, records);
            var arrivals = ReplayTiming.Arrivals(records, ReplayPace.FullLoad, 1_000_000);
            for (int i = 1; i < records.Count; i++) Assert.Equal(CanWire.Bits(records[i]), arrivals[i] - arrivals[i - 1], 1.0); // back to back, 1 µs a bit
            using var fpga = RtlSimulator.ForTest("replay-full-load");
            var outcome = RtlReplay.Run(fpga, HardwareConfig.Shipped, records, arrivals, Timing, Rigs.DefaultModel, TestPaths.NewScratch());
            output.WriteLine($"{records.Count} frames over {arrivals[^1] / 1000.0:F0} ms; p50 {outcome.Percentile(50)} p99 {outcome.Percentile(99)} max {outcome.Percentile(100)} µs; before next {outcome.JudgedBeforeNext}");

            Assert.Equal(0, outcome.Overruns);
            Assert.Equal(0, outcome.Mismatches(expected));
            // Keeping up: no frame waits longer than a few of the longest rounds the loop can make (a backlog would grow without bound).
            Assert.True(outcome.Percentile(100) < LongestRound * 4, $"max latency {outcome.Percentile(100)} µs: the firmware fell behind the bus (longest round {LongestRound:F0} µs)");
        }

        [Fact]
        public void ATwoClassModelOtherThanTheBitstreamsIsLoadedFirstAndEveryVerdictIsItsOwn()
        {
            var model = TestModels.Random(701, classes: 2);
            var records = Rigs.Traffic(1.5, seed: 93);
            var arrivals = ReplayTiming.Arrivals(records, ReplayPace.Recorded, 500_000);
            using var fpga = RtlSimulator.ForTest("replay-loaded-model");
            var outcome = RtlReplay.Run(fpga, HardwareConfig.Shipped, records, arrivals, Timing, model, TestPaths.NewScratch());
            Assert.Equal(0, outcome.Mismatches(Rigs.Expected(model, records)));
            Assert.NotEqual(0, outcome.Mismatches(Rigs.Expected(Rigs.DefaultModel, records))); // it really is another model
        }

        [Fact]
        public void TheIdentifierRuleTravelsInTheImageAndTheFirmwareAppliesItToEveryFrame()
        {
            // A rule knowing only every other identifier of the drive: thousands of frames the network calls benign are
            // the foreign class on the device, and every one must come back so.
            var known = Rigs.DefaultModel.Identifiers!;
            var half = new KnownIdentifiers(known.ForeignClass);
            foreach (var w in known.Words().Where((_, i) => i % 2 == 0)) half.Add(w);
            var model = Rigs.DefaultModel.WithIdentifiers(half);
            var records = Rigs.Traffic(2.0, seed: 95);
            var expected = Rigs.Expected(model, records);
            int byRule = expected.Zip(Rigs.Expected(Rigs.Unflashed, records)).Count(p => p.First != p.Second);
            Assert.True(byRule > 1000, $"only {byRule} verdicts come from the rule");
            var arrivals = ReplayTiming.Arrivals(records, ReplayPace.FullLoad, 1_000_000);
            using var fpga = RtlSimulator.ForTest("replay-identifier-rule");
            var outcome = RtlReplay.Run(fpga, HardwareConfig.Shipped, records, arrivals, Timing, model, TestPaths.NewScratch());
            Assert.Equal(0, outcome.Overruns);
            Assert.Equal(0, outcome.Mismatches(expected));
        }

        [Fact]
        public void ADeviceReplayOverTheSerialPortReturnsEveryVerdictWithTheDevicesLatency()
        {
            var records = Rigs.Traffic(2.5, seed: 94);
            var arrivals = ReplayTiming.Arrivals(records, ReplayPace.FullLoad, 1_000_000);
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("replay-device");
            using var device = new SerialLine(pty.DeviceEnd);
            using var host = new SerialLine(pty.HostEnd);
            var rig = Rigs.New(fpga, TestPaths.NewScratch(), serial: device);
            rig.App.Boot();
            var lines = new System.Collections.Generic.List<string>();
            ReplayOutcome outcome;
            using (new RunningFirmware(rig))
            {
                var client = new DeviceClient(host, TimeSpan.FromSeconds(5));
                Rigs.OpenSession(rig, client);
                outcome = DeviceReplay.Run(client, records, arrivals, ReplayPace.FullLoad, lines, settle: TimeSpan.FromSeconds(30));
            }

            Assert.Equal(0, outcome.Mismatches(Rigs.Expected(Rigs.Unflashed, records)));
            Assert.All(outcome.LatencyUs, l => Assert.InRange(l, 1, 65_535)); // the rig's clock moves 1 ms a loop round
            Assert.Contains(lines, l => l.Contains("ALERT")); // the device's own report lines came back too
        }
    }
}
