using System;
using System.Linq;
using CanIds.Core;
using CanIds.Core.Link;
using CanIds.Model.Hardware;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>
    /// Run-time weight loading: the new model goes into the shadow bank and becomes active only on a commit whose
    /// CRC-32 matches; until then, and after any failure, the old model keeps classifying.
    /// </summary>
    [Collection("rtl")]
    public class LoadTests(RtlFixture fixture)
    {
        private static byte[] Be32(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

        /// <summary>LOAD_BEGIN, the payload in chunks (each acknowledged), LOAD_COMMIT; returns the commit's ack.</summary>
        private static int Load(LinkDriver link, byte[] payload, uint? commitCrc = null, uint? configId = null, int chunk = 200)
        {
            link.Exchange(LinkProtocol.CmdLoadBegin, [.. Be32((uint)payload.Length), .. Be32(configId ?? link.Status.ConfigId)], maxRecords: 0);
            int ack = link.LastAck();
            if (ack != LinkProtocol.AckOk) return ack;
            for (int at = 0; at < payload.Length; at += chunk)
            {
                int n = Math.Min(chunk, payload.Length - at);
                link.Exchange(LinkProtocol.CmdLoadData, [.. Be32((uint)at), .. payload.AsSpan(at, n)], maxRecords: 0);
            }

            link.Exchange(LinkProtocol.CmdLoadCommit, Be32(commitCrc ?? Crc32.Compute(payload, 0, payload.Length)), maxRecords: 0);
            return link.LastAck();
        }

        private static IntegerModel Other() => TestModels.Random(77);

        private byte[] PayloadOf(IntegerModel model) => MemoryLayout.Payload(model, fixture.Family);

        /// <summary>Models that fit the built-in family without being its shape.</summary>
        public static TheoryData<string> FamilyModels => ["two classes", "eight classes, narrower layers", "two-frame window", "1-bit weights"];

        private static IntegerModel FamilyModel(string kind) => kind switch
        {
            "two classes" => TestModels.Random(81, classes: 2),
            "eight classes, narrower layers" => TestModels.Random(82, hidden: [200, 96, 50, 20], classes: 8),
            "two-frame window" => TestModels.Random(83, windowFrames: 2, classes: 3),
            "1-bit weights" => TestModels.Random(84, weightBits: 1, classes: 4),
            _ => throw new ArgumentException(kind),
        };

        /// <summary>
        /// Pushes frames [first, first + count) after a reset of the window (RESET keeps the model) and checks each
        /// verdict against <paramref name="model"/>: class, bank and (debug build) accumulators.
        /// </summary>
        private void AssertJudgedBy(LinkDriver link, IntegerModel model, int first, int count, int bank, bool reset = true)
        {
            if (reset) link.Exchange(LinkProtocol.CmdReset, []); // a RESET also abandons a load in progress
            link.Verdicts.Clear();
            BitExactTests.PushAll(link, fixture, first, first + count);
            var expected = fixture.Reference(model, Enumerable.Range(first, count));
            Assert.Equal(count, link.Verdicts.Count);
            for (int i = 0; i < count; i++)
            {
                var v = link.Verdicts[i];
                Assert.Equal(expected[i].Class, v.Class);
                if (link.Status.HasAccumulators) Assert.True(expected[i].Accumulators.SequenceEqual(v.Accumulators), $"frame {first + i}");
                if (v.Recorded) Assert.Equal(bank, v.Bank);
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void ACommittedModelClassifiesBitExactly(bool debug)
        {
            using var link = new LinkDriver($"load-commit-{debug}", debug: debug);
            var other = Other();
            var payload = PayloadOf(other);
            Assert.Equal(LinkProtocol.AckOk, Load(link, payload));
            var status = link.ReadStatus();
            Assert.Equal(Crc32.Compute(payload, 0, payload.Length), status.ModelId);
            Assert.Equal(1, status.ActiveBank);
            Assert.False(status.Loading);
            AssertJudgedBy(link, other, 0, 3000, bank: 1);

            // And back: the default model into the other bank.
            Assert.Equal(LinkProtocol.AckOk, Load(link, PayloadOf(fixture.Model)));
            AssertJudgedBy(link, fixture.Model, 3000, 500, bank: 0);
        }

        [Theory]
        [MemberData(nameof(FamilyModels))]
        public void EveryModelOfTheFamilyRunsOnTheBitstreamItWasNotBuiltFor(string kind)
        {
            var model = FamilyModel(kind);
            Assert.Null(fixture.Family.Misfit(model));
            // The frames exercise what padding could break: more than one class wins, and in some frames the padding
            // neurons' accumulator (0) is above every class's, so an argmax over all 8 neurons would be wrong.
            var expected = fixture.Reference(model, Enumerable.Range(0, 4000));
            Assert.True(expected.Select(e => e.Class).Distinct().Count() > 1, "one class wins every frame");
            if (model.Classes.Count < HardwareConfig.MaxClasses) Assert.Contains(expected, e => e.Accumulators.Take(model.Classes.Count).Max() < 0);
            foreach (bool debug in new[] { false, true })
            {
                using var link = new LinkDriver($"load-family-{kind.Replace(' ', '-').Replace(",", "")}-{debug}", debug: debug);
                Assert.Equal(LinkProtocol.AckOk, Load(link, PayloadOf(model)));
                Assert.Equal(model.Classes.Count, link.ReadStatus().Classes);
                AssertJudgedBy(link, model, 0, debug ? 1500 : 4000, bank: 1);
            }
        }

        [Fact]
        public void ACommitWithTheWrongCrcLeavesTheOldModelRunning()
        {
            using var link = new LinkDriver("load-bad-crc", debug: true);
            var payload = PayloadOf(Other());
            Assert.Equal(LinkProtocol.AckImageCrc, Load(link, payload, commitCrc: 0xDEADBEEF));
            var status = link.ReadStatus();
            Assert.Equal(0, status.ActiveBank);
            Assert.False(status.Loading);
            AssertJudgedBy(link, fixture.Model, 0, 400, bank: 0);
        }

        [Fact]
        public void ACorruptedChunkIsRejectedAndItsRetransmissionAccepted()
        {
            using var link = new LinkDriver("load-bad-chunk", debug: true);
            var other = Other();
            var payload = PayloadOf(other);
            link.Exchange(LinkProtocol.CmdLoadBegin, [.. Be32((uint)payload.Length), .. Be32(link.Status.ConfigId)]);
            for (int at = 0; at < payload.Length; at += 200)
            {
                var data = payload.AsSpan(at, Math.Min(200, payload.Length - at));
                if (at == 4000)
                {
                    // A flipped bit in the data: rejected (CRC), the offset stays, the same chunk is sent again.
                    link.Exchange(LinkProtocol.CmdLoadData, [.. Be32((uint)at), .. data], corrupt: f => f[50] ^= 0x80);
                    Assert.Equal(LinkProtocol.AckCrc, link.LastAck());
                    Assert.Equal(4000, link.ReadStatus().LoadOffset);
                    // Data for a later offset is refused: the image arrives in order.
                    link.Exchange(LinkProtocol.CmdLoadData, [.. Be32((uint)at + 200), .. data]);
                    Assert.Equal(LinkProtocol.AckOffset, link.LastAck());
                }

                link.Exchange(LinkProtocol.CmdLoadData, [.. Be32((uint)at), .. data]);
            }

            // Before the commit the old model still classifies (the first frames since the driver's reset).
            AssertJudgedBy(link, fixture.Model, 0, 200, bank: 0, reset: false);
            link.Exchange(LinkProtocol.CmdLoadCommit, Be32(Crc32.Compute(payload, 0, payload.Length)));
            Assert.Equal(LinkProtocol.AckOk, link.LastAck());
            AssertJudgedBy(link, other, 200, 800, bank: 1);
        }

        [Fact]
        public void AnIncompleteOrForeignImageIsRefused()
        {
            using var link = new LinkDriver("load-refused", debug: true);
            var payload = PayloadOf(Other());
            Assert.Equal(LinkProtocol.AckConfig, Load(link, payload, configId: link.Status.ConfigId ^ 1));
            Assert.Equal(LinkProtocol.AckConfig, Load(link, payload[..^1]));
            // Begin, half the data, commit: incomplete.
            link.Exchange(LinkProtocol.CmdLoadBegin, [.. Be32((uint)payload.Length), .. Be32(link.Status.ConfigId)]);
            link.Exchange(LinkProtocol.CmdLoadData, [.. Be32(0), .. payload.AsSpan(0, 100)]);
            link.Exchange(LinkProtocol.CmdLoadCommit, Be32(Crc32.Compute(payload, 0, payload.Length)));
            Assert.Equal(LinkProtocol.AckIncomplete, link.LastAck());
            Assert.Equal(0, link.ReadStatus().ActiveBank);
            AssertJudgedBy(link, fixture.Model, 0, 100, bank: 0);
        }

        [Fact]
        public void FramesAlreadyInThePipelineFinishWithTheOldModel()
        {
            using var link = new LinkDriver("load-in-flight", debug: true);
            var other = Other();
            var payload = PayloadOf(other);
            link.Exchange(LinkProtocol.CmdLoadBegin, [.. Be32((uint)payload.Length), .. Be32(link.Status.ConfigId)]);
            for (int at = 0; at < payload.Length; at += 240)
                link.Exchange(LinkProtocol.CmdLoadData, [.. Be32((uint)at), .. payload.AsSpan(at, Math.Min(240, payload.Length - at))]);
            // Frames pushed right before the commit are still in the pipeline when it switches banks.
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(fixture.Records(0, 4)), maxRecords: 0);
            link.Exchange(LinkProtocol.CmdLoadCommit, Be32(Crc32.Compute(payload, 0, payload.Length)), maxRecords: 0);
            // A new load cannot start while those frames use the bank it would overwrite.
            link.Exchange(LinkProtocol.CmdLoadBegin, [.. Be32((uint)payload.Length), .. Be32(link.Status.ConfigId)], maxRecords: 0);
            int ack = link.LastAck();
            link.Drain(4);
            var oldModel = fixture.Reference(fixture.Model, Enumerable.Range(0, 4));
            var newModel = fixture.Reference(other, Enumerable.Range(0, 4));
            foreach (var v in link.Verdicts)
            {
                var judge = v.Bank == 0 ? oldModel : newModel;
                Assert.Equal(judge[v.Tag].Class, v.Class);
                Assert.True(judge[v.Tag].Accumulators.SequenceEqual(v.Accumulators));
            }

            Assert.Contains(link.Verdicts, v => v.Bank == 0);
            Assert.Equal(LinkProtocol.AckBusy, ack);
        }
    }
}
