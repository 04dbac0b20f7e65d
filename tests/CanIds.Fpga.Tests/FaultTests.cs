using System;
using System.Linq;
using CanIds.Core.Link;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>Corrupted, cut and misnumbered transfers are rejected and counted, and lose nothing that was accepted.</summary>
    [Collection("rtl")]
    public class FaultTests(RtlFixture fixture)
    {
        private byte[] Frames(int first, int count) => LinkDriver.PushPayload(fixture.Records(first, count));

        private void AssertJudgedAsPushed(LinkDriver link, params int[] pushed)
        {
            var expected = fixture.Reference(fixture.Model, pushed);
            Assert.Equal(pushed.Length, link.Verdicts.Count);
            for (int i = 0; i < pushed.Length; i++)
            {
                Assert.Equal(i, link.Verdicts[i].Tag);
                Assert.Equal(expected[i].Class, link.Verdicts[i].Class);
            }
        }

        [Fact]
        public void APushWithABadCrcIsRejectedCountedAndLeavesNoFrame()
        {
            using var link = new LinkDriver("bad-crc");
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 3), corrupt: f => f[20] ^= 0x04);
            Assert.Equal(LinkProtocol.AckCrc, link.LastAck());
            // The same frames, intact: accepted now, tagged from 0 (the rejected ones never entered the window).
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 3));
            Assert.Equal(LinkProtocol.AckOk, link.LastAck());
            link.Drain(3);
            AssertJudgedAsPushed(link, 0, 1, 2);
            var status = link.ReadStatus();
            Assert.Equal(1, status.CrcErrors);
            Assert.Equal(3u, status.Frames);
        }

        [Theory]
        [InlineData(3)]     // inside the header
        [InlineData(70)]    // inside the first frame record
        [InlineData(250)]   // inside the third record, mid-byte
        [InlineData(311)]   // one bit before the CRC ends
        public void ATruncatedTransferIsRejectedAndNoPartialRecordSurvives(int bits)
        {
            using var link = new LinkDriver($"truncated-{bits}");
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 3), stopAfterBits: bits);
            Assert.Equal(LinkProtocol.AckTruncated, link.LastAck());
            link.Exchange(LinkProtocol.CmdPush, Frames(10, 2));
            link.Drain(2);
            AssertJudgedAsPushed(link, 10, 11);
            Assert.Equal(1, link.ReadStatus().Truncated);
        }

        [Fact]
        public void AWrongSequenceNumberIsRejectedAndARepeatIsNotExecutedTwice()
        {
            using var link = new LinkDriver("sequence");
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 1));
            link.Exchange(LinkProtocol.CmdPush, Frames(1, 1), seq: (byte)(link.Seq + 5));
            Assert.Equal(LinkProtocol.AckSequence, link.LastAck());
            // A retransmission of the last executed command (the POLL above) is acknowledged, not executed.
            link.Exchange(LinkProtocol.CmdPush, Frames(2, 1), seq: link.Seq);
            Assert.Equal(LinkProtocol.AckDuplicate, link.LastAck());
            link.Drain(1);
            AssertJudgedAsPushed(link, 0);
            var status = link.ReadStatus();
            Assert.Equal(1u, status.Frames);
            Assert.Equal(1, status.SequenceErrors);
            Assert.Equal(1, status.Duplicates);
        }

        [Fact]
        public void AFullFifoRejectsTheWholePushAndCountsIt()
        {
            using var link = new LinkDriver("full");
            // More records in one transfer than the input FIFO holds: nothing of it is kept.
            link.Exchange(LinkProtocol.CmdPush, Frames(0, link.Status.FifoFrames + 1));
            Assert.Equal(LinkProtocol.AckFull, link.LastAck());
            Assert.Equal(1, link.ReadStatus().FullRejects);
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 4));
            link.Drain(4);
            AssertJudgedAsPushed(link, 0, 1, 2, 3);
        }

        [Fact]
        public void APartialRecordOrUnknownCommandIsRejected()
        {
            using var link = new LinkDriver("length");
            var payload = Frames(0, 2);
            link.Exchange(LinkProtocol.CmdPush, payload.AsSpan(0, payload.Length - 1));
            Assert.Equal(LinkProtocol.AckLength, link.LastAck());
            link.Exchange(0x7E, []);
            Assert.Equal(LinkProtocol.AckUnknown, link.LastAck());
            var status = link.ReadStatus();
            Assert.Equal(0u, status.Frames);
            Assert.Equal(2, status.OtherRejects);
        }

        [Fact]
        public void ALostResponseIsSentAgainUntilAcknowledgedAndItsAttacksAreNotLost()
        {
            // Frames of a DoS burst: attacks, so they come back as records.
            var expected = fixture.Reference(fixture.Model, Enumerable.Range(0, fixture.Frames));
            int first = Enumerable.Range(8, fixture.Frames - 16).First(i => Enumerable.Range(i, 4).All(j => expected[j].Class != 0));
            using var link = new LinkDriver("lost-response");
            link.Exchange(LinkProtocol.CmdPush, Frames(first - 3, 7));
            link.Sim.Run(20_000);
            // The response carrying the verdicts is lost: the MCU takes nothing and acknowledges nothing.
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8, lose: true);
            Assert.Empty(link.Verdicts);
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8);
            Assert.Equal(7, link.Verdicts.Count);
            var reference = fixture.Reference(fixture.Model, Enumerable.Range(first - 3, 7));
            Assert.Equal(reference.Select(r => r.Class), link.Verdicts.Select(v => v.Class));
            Assert.True(link.Verdicts.Count(v => v.Recorded) >= 4);
            // Acknowledged by the next command: the poll after it brings nothing old.
            int records = link.Records.Count;
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8);
            link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 8);
            Assert.Equal(7, link.Verdicts.Count);
            Assert.True(link.Records.Count - records <= reference.Count(r => r.Class != 0), "records acknowledged were sent again more than once");
            Assert.False(link.Sim.Irq);
        }

        [Fact]
        public void FewerRecordsThanWaitingStopTheJudgedTagBeforeTheFirstLeftOut()
        {
            var expected = fixture.Reference(fixture.Model, Enumerable.Range(0, fixture.Frames));
            int first = Enumerable.Range(8, fixture.Frames - 16).First(i => Enumerable.Range(i, 6).All(j => expected[j].Class != 0));
            using var link = new LinkDriver("judged-stops");
            link.Exchange(LinkProtocol.CmdPush, Frames(first - 3, 9));
            link.Sim.Run(30_000);
            // Two records at a time: each response covers only the frames up to the third attack.
            var r = link.Exchange(LinkProtocol.CmdPoll, [], maxRecords: 2);
            Assert.Equal(2, r.Count);
            Assert.True(link.Verdicts.Count < 9);
            link.Drain(9, maxRecords: 2);
            var reference = fixture.Reference(fixture.Model, Enumerable.Range(first - 3, 9));
            Assert.Equal(reference.Select(x => x.Class), link.Verdicts.Select(v => v.Class));
        }

        [Fact]
        public void AResetInTheMiddleOfATransferRecovers()
        {
            using var link = new LinkDriver("reset-mid-transfer");
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 3), stopAfterBits: 150);
            link.Sim.Reset();
            // After the board reset the link starts over: RESET command, then normal traffic.
            link.Exchange(LinkProtocol.CmdReset, []);
            link.Exchange(LinkProtocol.CmdPush, Frames(5, 3));
            link.Drain(3);
            AssertJudgedAsPushed(link, 5, 6, 7);
            Assert.Equal(3u, link.ReadStatus().Frames);
        }

        [Fact]
        public void TheResetCommandClearsQueuesCountersAndTheWindow()
        {
            using var link = new LinkDriver("reset-command");
            link.Exchange(LinkProtocol.CmdPush, Frames(0, 4));
            link.Exchange(LinkProtocol.CmdPush, Frames(4, 4), corrupt: f => f[9] ^= 1);
            link.Exchange(LinkProtocol.CmdReset, []);
            var status = link.ReadStatus();
            Assert.Equal(0, status.CrcErrors);
            Assert.Equal(0u, status.Frames);
            Assert.Equal(0u, status.Verdicts);
            // Tags start again from 0 and the window starts empty: frame 20 is judged as if it were the first.
            link.Verdicts.Clear();
            link.Exchange(LinkProtocol.CmdPush, Frames(20, 2));
            link.Drain(2);
            AssertJudgedAsPushed(link, 20, 21);
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
