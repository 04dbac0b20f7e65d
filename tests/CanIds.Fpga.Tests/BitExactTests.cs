using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CanIds.Core.Link;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>The RTL computes the integer model's class and accumulators for every window, driven through its SPI pins.</summary>
    [Collection("rtl")]
    public class BitExactTests(RtlFixture fixture)
    {
        [Fact]
        public void EveryWindowOfHeldOutTrafficMatchesTheReferenceThroughTheSpiPins()
        {
            var windows = fixture.Windows;
            Assert.True(windows.Count >= 100_000, $"{windows.Count} windows");
            // Two FPGAs in parallel, half the windows each (the simulator is single-threaded).
            int half = windows.Count / 2;
            var results = new List<Verdict>[2];
            Parallel.For(0, 2, part =>
            {
                using var link = new LinkDriver($"bitexact-{part}");
                int from = part * half, to = part == 0 ? half : windows.Count;
                results[part] = PushAll(link, fixture, from, to);
            });

            var reference = new ReferenceInference(fixture.Model);
            int checkedWindows = 0, attacks = 0;
            for (int part = 0; part < 2; part++)
            {
                int from = part * half;
                var verdicts = results[part];
                Assert.Equal((part == 0 ? half : windows.Count - half), verdicts.Count);
                for (int i = 0; i < verdicts.Count; i++)
                {
                    var v = verdicts[i];
                    Assert.Equal(i & 0xFFFF, v.Tag); // verdicts arrive in window order
                    int window = from + i;
                    int expected = reference.Classify(windows.Input(window));
                    Assert.True(expected == v.Class, $"window {window}: RTL class {v.Class}, reference {expected}");
                    Assert.True(reference.Accumulators.SequenceEqual(v.Accumulators), $"window {window}: RTL accumulators [{string.Join(",", v.Accumulators)}], reference [{string.Join(",", reference.Accumulators.ToArray())}]");
                    Assert.Equal(0, v.Bank);
                    checkedWindows++;
                    if (expected != 0) attacks++;
                }
            }

            Assert.True(attacks > 20_000, $"{attacks} windows judged as attacks");
            Assert.Equal(windows.Count, checkedWindows);
        }

        [Fact]
        public void TheRtlParametersAreGeneratedFromTheDefaultModel()
        {
            var dir = TestPaths.NewScratch();
            RtlExport.Write(dir, fixture.Model, HardwareConfig.For(fixture.Model));
            foreach (var file in Directory.GetFiles(TestPaths.Gen))
            {
                Assert.True(File.ReadAllText(file) == File.ReadAllText(Path.Combine(dir, Path.GetFileName(file))), $"fpga/gen/{Path.GetFileName(file)} differs from what canids export --rtl generates from {RtlFixture.DefaultModel}");
            }

            Assert.Equal(Directory.GetFiles(dir).Length, Directory.GetFiles(TestPaths.Gen).Length);
        }

        [Fact]
        public void TheStatusBlockDescribesTheBuild()
        {
            using var link = new LinkDriver("status");
            var hw = HardwareConfig.For(fixture.Model);
            var s = link.Status;
            Assert.Equal(40, s.InputLength);
            Assert.Equal(5, s.Classes);
            Assert.Equal(3 + 2 * 5, s.RecordLength); // the co-simulation build emits the accumulators
            Assert.Equal(hw.ConfigId, s.ConfigId);
            Assert.Equal(hw.ImagePayloadBytes, s.ImageBytes);
            var payload = MemoryLayout.Payload(fixture.Model, hw);
            Assert.Equal(CanIds.Core.Crc32.Compute(payload, 0, payload.Length), s.ModelId);
        }

        [Theory]
        [InlineData(4)]
        [InlineData(7)]
        [InlineData(16)]
        public void WorksAtDifferentSpiToCoreClockRatios(int halfPeriod)
        {
            using var link = new LinkDriver($"ratio-{halfPeriod}", halfPeriod);
            var verdicts = PushAll(link, fixture, 0, 300);
            var reference = new ReferenceInference(fixture.Model);
            for (int i = 0; i < 300; i++) Assert.Equal(reference.Classify(fixture.Windows.Input(i)), verdicts[i].Class);
        }

        /// <summary>Pushes windows [from, to) four per transfer, checking every acknowledgement, then drains the verdicts.</summary>
        internal static List<Verdict> PushAll(LinkDriver link, RtlFixture fixture, int from, int to, int batch = 4)
        {
            for (int w = from; w < to; w += batch)
            {
                var windows = Enumerable.Range(w, Math.Min(batch, to - w)).Select(i => ((i - from) & 0xFFFF, fixture.Input(i))).ToList();
                var response = link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(windows), maxRecords: 8);
                Assert.True(response.Valid, response.Problem);
                Assert.True(response.AckCode == LinkProtocol.AckOk, $"push before window {w}: {LinkProtocol.AckName(response.AckCode)}");
            }

            link.Drain(to - from);
            Assert.Equal(LinkProtocol.AckOk, link.Response.AckCode);
            return link.Verdicts;
        }
    }
}
