using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CanIds.Core.Link;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>
    /// The RTL computes the integer model's class for every frame, driven through its SPI pins: frame records in, the
    /// FPGA's own window, verdicts back as the judged tag plus attack records. The shipped build is checked class by
    /// class; the debug build's records also carry the final accumulators, checked against the reference.
    /// </summary>
    [Collection("rtl")]
    public class BitExactTests(RtlFixture fixture)
    {
        [Fact]
        public void EveryFrameOfHeldOutTrafficMatchesTheReferenceThroughTheSpiPinsOfTheShippedBuild()
        {
            Assert.True(fixture.Frames >= 100_000, $"{fixture.Frames} frames");
            // Two FPGAs in parallel, half the frames each (the simulator is single-threaded); each starts from a reset.
            int half = fixture.Frames / 2;
            var results = new List<Verdict>[2];
            Parallel.For(0, 2, part =>
            {
                using var link = new LinkDriver($"bitexact-{part}");
                Assert.Equal(0, link.Status.BuildFlags); // the configuration synthesis builds
                int from = part * half, to = part == 0 ? half : fixture.Frames;
                results[part] = PushAll(link, fixture, from, to);
            });

            int checkedFrames = 0, attacks = 0;
            for (int part = 0; part < 2; part++)
            {
                int from = part * half, to = part == 0 ? half : fixture.Frames;
                var expected = fixture.Reference(fixture.Model, Enumerable.Range(from, to - from));
                var verdicts = results[part];
                Assert.Equal(to - from, verdicts.Count);
                for (int i = 0; i < verdicts.Count; i++)
                {
                    var v = verdicts[i];
                    Assert.Equal(i & 0xFFFF, v.Tag);
                    Assert.True(expected[i].Class == v.Class, $"frame {from + i}: RTL class {v.Class}, reference {expected[i].Class}");
                    Assert.Equal(v.Class != 0, v.Recorded); // attacks come as records, benign frames as the judged count
                    if (v.Recorded) Assert.Equal(0, v.Bank);
                    checkedFrames++;
                    if (v.Class != 0) attacks++;
                }
            }

            Assert.True(attacks > 20_000, $"{attacks} frames judged as attacks");
            Assert.Equal(fixture.Frames, checkedFrames);
        }

        [Fact]
        public void TheDebugBuildRecordsEveryVerdictWithTheReferencesAccumulators()
        {
            const int frames = 12_000;
            using var link = new LinkDriver("bitexact-debug", debug: true);
            Assert.True(link.Status.RecordsAllVerdicts && link.Status.HasAccumulators);
            var verdicts = PushAll(link, fixture, 0, frames);
            var expected = fixture.Reference(fixture.Model, Enumerable.Range(0, frames));
            for (int i = 0; i < frames; i++)
            {
                Assert.True(verdicts[i].Recorded, $"frame {i} has no record");
                Assert.Equal(expected[i].Class, verdicts[i].Class);
                Assert.True(expected[i].Accumulators.SequenceEqual(verdicts[i].Accumulators), $"frame {i}: RTL accumulators [{string.Join(",", verdicts[i].Accumulators)}], reference [{string.Join(",", expected[i].Accumulators)}]");
            }
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
            var hw = HardwareConfig.For(fixture.Model);
            var payload = MemoryLayout.Payload(fixture.Model, hw);
            foreach (bool debug in new[] { false, true })
            {
                using var link = new LinkDriver("status", debug: debug);
                var s = link.Status;
                Assert.Equal(4, s.WindowFrames);
                Assert.Equal(40, s.InputLength);
                Assert.Equal(5, s.Classes);
                Assert.Equal(HardwareConfig.MaxClasses, s.MaxClasses);
                Assert.Equal(debug ? 3 + 2 * s.MaxClasses : 3, s.RecordLength);
                Assert.Equal(hw.ConfigId, s.ConfigId);
                Assert.Equal(hw.ImagePayloadBytes, s.ImageBytes);
                Assert.Equal(CanIds.Core.Crc32.Compute(payload, 0, payload.Length), s.ModelId);
                Assert.Equal(256 / LinkProtocol.FrameRecordLength, s.FifoFrames);
            }
        }

        [Theory]
        [InlineData(4)]
        [InlineData(7)]
        [InlineData(16)]
        public void WorksAtDifferentSpiToCoreClockRatios(int halfPeriod)
        {
            using var link = new LinkDriver($"ratio-{halfPeriod}", halfPeriod);
            var verdicts = PushAll(link, fixture, 0, 300);
            var expected = fixture.Reference(fixture.Model, Enumerable.Range(0, 300));
            for (int i = 0; i < 300; i++) Assert.Equal(expected[i].Class, verdicts[i].Class);
        }

        /// <summary>
        /// Pushes frames [from, to) up to <paramref name="batch"/> per transfer, never more than the FPGA has room for,
        /// checking every acknowledgement, then drains the verdicts.
        /// </summary>
        internal static List<Verdict> PushAll(LinkDriver link, RtlFixture fixture, int from, int to, int batch = 4)
        {
            int free = link.Status.FifoFrames;
            for (int f = from; f < to;)
            {
                int n = Math.Min(Math.Min(batch, to - f), free);
                if (n == 0)
                {
                    free = link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8).Free;
                    continue;
                }

                var response = link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(fixture.Records(f, n)), maxRecords: 8);
                Assert.True(response.Valid, response.Problem);
                Assert.True(response.AckCode == LinkProtocol.AckOk, $"push before frame {f}: {LinkProtocol.AckName(response.AckCode)}");
                // The response was composed before this PUSH was executed: its room does not count these frames yet.
                free = Math.Max(0, response.Free - n);
                f += n;
            }

            link.Drain(to - from);
            Assert.Equal(LinkProtocol.AckOk, link.Response.AckCode);
            return link.Verdicts;
        }
    }
}
