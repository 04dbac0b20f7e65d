using System;
using System.Linq;
using CanIds.Core.Link;
using CanIds.Model.Inference;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>Corrupted, cut and misnumbered transfers are rejected and counted, and lose nothing that was accepted.</summary>
    [Collection("rtl")]
    public class FaultTests(RtlFixture fixture)
    {
        private (int, byte[])[] Windows(int first, int count) => Enumerable.Range(first, count).Select(i => (i, fixture.Input(i))).ToArray();

        [Fact]
        public void APushWithABadCrcIsRejectedCountedAndLeavesNoWindow()
        {
            using var link = new LinkDriver("bad-crc");
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 3)), corrupt: f => f[20] ^= 0x04);
            Assert.Equal(LinkProtocol.AckCrc, link.LastAck());
            // The same windows, intact: accepted now.
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 3)));
            Assert.Equal(LinkProtocol.AckOk, link.LastAck());
            link.Drain(3);
            Assert.Equal(new[] { 0, 1, 2 }, link.Verdicts.Select(v => v.Tag));
            var status = link.ReadStatus();
            Assert.Equal(1, status.CrcErrors);
            Assert.Equal(3u, status.Windows);
        }

        [Theory]
        [InlineData(3)]     // inside the header
        [InlineData(60)]    // inside the first window
        [InlineData(700)]   // inside the second window, mid-byte
        [InlineData(1023)]  // one bit before the CRC ends
        public void ATruncatedTransferIsRejectedAndNoPartialWindowSurvives(int bits)
        {
            using var link = new LinkDriver($"truncated-{bits}");
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 3)), stopAfterBits: bits);
            Assert.Equal(LinkProtocol.AckTruncated, link.LastAck());
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(10, 2)));
            link.Drain(2);
            Assert.Equal(new[] { 10, 11 }, link.Verdicts.Select(v => v.Tag));
            Assert.Equal(1, link.ReadStatus().Truncated);
        }

        [Fact]
        public void AWrongSequenceNumberIsRejectedAndARepeatIsNotExecutedTwice()
        {
            using var link = new LinkDriver("sequence");
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 1)));
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(1, 1)), seq: (byte)(link.Seq + 5));
            Assert.Equal(LinkProtocol.AckSequence, link.LastAck());
            // A retransmission of the last executed command (the POLL above) is acknowledged, not executed.
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(2, 1)), seq: link.Seq);
            Assert.Equal(LinkProtocol.AckDuplicate, link.LastAck());
            link.Drain(1);
            Assert.Equal(new[] { 0 }, link.Verdicts.Select(v => v.Tag));
            var status = link.ReadStatus();
            Assert.Equal(1u, status.Windows);
            Assert.Equal(1, status.SequenceErrors);
            Assert.Equal(1, status.Duplicates);
        }

        [Fact]
        public void AFullFifoRejectsTheWholePushAndCountsIt()
        {
            using var link = new LinkDriver("full");
            // Twelve windows in one transfer exceed the 256-byte input FIFO: nothing of it is kept.
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 12)));
            Assert.Equal(LinkProtocol.AckFull, link.LastAck());
            Assert.Equal(1, link.ReadStatus().FullRejects);
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 4)));
            link.Drain(4);
            Assert.Equal(new[] { 0, 1, 2, 3 }, link.Verdicts.Select(v => v.Tag));
        }

        [Fact]
        public void APartialWindowOrUnknownCommandIsRejected()
        {
            using var link = new LinkDriver("length");
            var payload = LinkDriver.PushPayload(Windows(0, 2));
            link.Exchange(LinkProtocol.CmdPush, payload.AsSpan(0, payload.Length - 1));
            Assert.Equal(LinkProtocol.AckLength, link.LastAck());
            link.Exchange(0x7E, []);
            Assert.Equal(LinkProtocol.AckUnknown, link.LastAck());
            var status = link.ReadStatus();
            Assert.Equal(0u, status.Windows);
            Assert.Equal(2, status.OtherRejects);
        }

        [Fact]
        public void ALostResponseIsSentAgainUntilAcknowledged()
        {
            using var link = new LinkDriver("lost-response");
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 4)));
            link.Sim.Run(8000);
            // The MCU reads four verdicts but the response is lost: it does not acknowledge them.
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 4);
            Assert.Equal(4, link.Verdicts.Count);
            link.Verdicts.Clear();
            link.VerdictsReceived -= 4;
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8);
            Assert.Equal(new[] { 0, 1, 2, 3 }, link.Verdicts.Select(v => v.Tag));
            // Acknowledged now: the next poll brings nothing old.
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8);
            Assert.Equal(4, link.Verdicts.Count);
        }

        [Fact]
        public void AResetInTheMiddleOfATransferRecovers()
        {
            using var link = new LinkDriver("reset-mid-transfer");
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 3)), stopAfterBits: 500);
            link.Sim.Reset();
            // After the board reset the link starts over: RESET command, then normal traffic.
            link.Exchange(LinkProtocol.CmdReset, []);
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(5, 3)));
            link.Drain(3);
            var reference = new ReferenceInference(fixture.Model);
            Assert.Equal(new[] { 5, 6, 7 }, link.Verdicts.Select(v => v.Tag));
            Assert.All(link.Verdicts, v => Assert.Equal(reference.Classify(fixture.Windows.Input(v.Tag)), v.Class));
            Assert.Equal(3u, link.ReadStatus().Windows);
        }

        [Fact]
        public void TheResetCommandClearsQueuesAndCounters()
        {
            using var link = new LinkDriver("reset-command");
            link.Exchange(LinkProtocol.CmdPush, LinkDriver.PushPayload(Windows(0, 4)), corrupt: f => f[9] ^= 1);
            link.Exchange(LinkProtocol.CmdReset, []);
            var status = link.ReadStatus();
            Assert.Equal(0, status.CrcErrors);
            Assert.Equal(0u, status.Windows);
            Assert.Equal(0u, status.Verdicts);
        }

        [Fact]
        public void AFailingTestCanRecordAWaveform()
        {
            var dir = TestSupport.TestPaths.NewScratch();
            var path = System.IO.Path.Combine(dir, "trace.fst");
            using (var sim = new Sim.RtlSimulator(path))
            {
                sim.Run(100);
            }

            Assert.True(new System.IO.FileInfo(path).Length > 100);
        }
    }
}
