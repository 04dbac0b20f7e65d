using System;
using System.Collections.Generic;
using CanIds.Core.Link;
using CanIds.Fpga.Sim;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>
    /// One frame's verdict as a test master reads it: from a record (attacks; every frame in the debug build) or implied
    /// benign by a response's judged tag (<see cref="Bank"/> −1 and no accumulators then).
    /// </summary>
    public sealed record Verdict(int Tag, int Class, int Bank, int[] Accumulators, bool Recorded);

    /// <summary>
    /// A test-side SPI link master over the RTL: builds frames with the shared codec and lets a test corrupt, cut or
    /// misnumber them. Follows the verdicts like the firmware does (judged tag, records, acknowledgement) and expands
    /// them into one verdict per frame, in frame order.
    /// </summary>
    public sealed class LinkDriver : IDisposable
    {
        private readonly byte[] _tx = new byte[70_000];
        private readonly byte[] _rx = new byte[70_000];

        public LinkDriver(string test, int halfPeriod = 4, bool debug = false)
        {
            Sim = RtlSimulator.ForTest(test, debug);
            Sim.HalfPeriod = halfPeriod;
            // A RESET with any sequence number synchronises both ends; STATUS tells the record length.
            Exchange(LinkProtocol.CmdReset, []);
            Status = ReadStatus();
            Assert.Equal(LinkProtocol.Version, Status.ProtocolVersion);
        }

        public RtlSimulator Sim { get; }

        public LinkStatus Status { get; private set; }

        public byte Seq { get; set; }

        /// <summary>What the next command acknowledges: the judged tag of the last response received intact.</summary>
        public int Ack { get; set; } = LinkProtocol.NoneJudged;

        /// <summary>The newest frame whose verdict was taken (never goes back).</summary>
        public int Judged { get; set; } = LinkProtocol.NoneJudged;

        public LinkResponse Response { get; } = new();

        /// <summary>The last sequence number the FPGA executed, as its last response said.</summary>
        public byte Executed { get; private set; }

        /// <summary>Verdicts of every frame so far, in frame order.</summary>
        public List<Verdict> Verdicts { get; } = new();

        /// <summary>Records received (duplicates of ones already taken included), in arrival order.</summary>
        public List<Verdict> Records { get; } = new();

        /// <summary>
        /// One transfer: command <paramref name="cmd"/> with <paramref name="payload"/>, asking for up to
        /// <paramref name="maxRecords"/> records. <paramref name="corrupt"/> may change the MOSI frame before it is
        /// sent; <paramref name="stopAfterBits"/> cuts the transfer; <paramref name="lose"/> drops the response as if it
        /// never arrived. Parses the response and takes its verdicts.
        /// </summary>
        public LinkResponse Exchange(byte cmd, ReadOnlySpan<byte> payload, int maxRecords = 16, Action<byte[]>? corrupt = null, int stopAfterBits = -1, byte? seq = null, bool lose = false)
        {
            if (seq == null && cmd != LinkProtocol.CmdReset) Seq++;
            byte s = seq ?? (cmd == LinkProtocol.CmdReset ? (byte)0 : Seq);
            if (cmd == LinkProtocol.CmdReset)
            {
                Seq = s;
                Ack = Judged = LinkProtocol.NoneJudged;
            }

            LinkProtocol.BeginCommand(_tx, cmd, s, maxRecords, Ack);
            payload.CopyTo(_tx.AsSpan(LinkProtocol.CommandHeaderLength));
            int length = LinkProtocol.EndCommand(_tx, payload.Length);
            corrupt?.Invoke(_tx);
            bool status = cmd == LinkProtocol.CmdStatus;
            int recordLength = Status?.RecordLength ?? LinkProtocol.VerdictRecordLength;
            int transfer = status ? Math.Max(length, LinkProtocol.ResponseLength(1, LinkProtocol.StatusLength)) : LinkProtocol.TransferLength(length, maxRecords, recordLength);
            Array.Clear(_rx, 0, transfer);
            Sim.Transfer(_tx, _rx, transfer, stopAfterBits);
            if (lose) Array.Clear(_rx, 0, transfer);
            Response.Parse(_rx, transfer, recordLength, status);
            if (Response.Valid) Executed = (byte)Response.LastExecuted;
            if (Response.Valid && !status && cmd != LinkProtocol.CmdReset) Take(recordLength); // a RESET's response is the old session's
            return Response;
        }

        // The frames after Judged up to the response's judged tag: the records' classes, benign for the rest.
        private void Take(int recordLength)
        {
            int newer = (Response.Judged - Judged) & 0xFFFF;
            var recorded = new Dictionary<int, Verdict>();
            for (int i = 0; i < Response.Count; i++)
            {
                int at = LinkResponse.RecordOffset(i, recordLength);
                var accs = new int[Status!.HasAccumulators ? Status.MaxClasses : 0];
                for (int c = 0; c < accs.Length; c++) accs[c] = LinkResponse.RecordAccumulator(_rx, at, c);
                var v = new Verdict(LinkResponse.RecordTag(_rx, at), LinkResponse.RecordClass(_rx, at), LinkResponse.RecordBank(_rx, at), accs, true);
                Records.Add(v);
                int ahead = (v.Tag - Judged) & 0xFFFF;
                if (ahead == 0 || ahead >= 0x8000) continue; // taken before: a response sent again
                Assert.True(newer < 0x8000 && ahead <= newer, $"record for frame {v.Tag} beyond the response's judged {Response.Judged}");
                recorded[v.Tag] = v;
            }

            Ack = Response.Judged;
            if (newer == 0 || newer >= 0x8000) return; // nothing new (or an older response again)
            for (int k = 1; k <= newer; k++)
            {
                int tag = (Judged + k) & 0xFFFF;
                Verdicts.Add(recorded.TryGetValue(tag, out var v) ? v : new Verdict(tag, 0, -1, [], false));
            }

            Judged = Response.Judged;
        }

        /// <summary>The status block (a STATUS transfer).</summary>
        public LinkStatus ReadStatus()
        {
            var r = Exchange(LinkProtocol.CmdStatus, []);
            Assert.True(r.Valid, r.Problem);
            var status = new LinkStatus();
            status.Parse(_rx, LinkProtocol.ResponseHeaderLength);
            return status;
        }

        /// <summary>
        /// The result of the last command, read with a POLL. When that command was not executed, the POLL numbered
        /// after it is rejected too; one more POLL with the right number puts both ends back in step.
        /// </summary>
        public int LastAck()
        {
            byte pollSeq = (byte)(Seq + 1);
            var r = Exchange(LinkProtocol.CmdPoll, [], maxRecords: 0);
            Assert.True(r.Valid, r.Problem);
            int code = r.AckCode;
            if (pollSeq != (byte)(Executed + 1))
            {
                // The POLL was numbered after a command that was not executed: number again from the last executed one.
                Seq = Executed;
                Exchange(LinkProtocol.CmdPoll, [], maxRecords: 0);
            }

            return code;
        }

        /// <summary>A PUSH payload: the frame records back to back.</summary>
        public static byte[] PushPayload(IReadOnlyList<byte[]> records)
        {
            var payload = new byte[records.Count * LinkProtocol.FrameRecordLength];
            for (int i = 0; i < records.Count; i++) records[i].CopyTo(payload, i * LinkProtocol.FrameRecordLength);
            return payload;
        }

        /// <summary>Polls until <paramref name="count"/> frames are judged in all (fails after many idle polls).</summary>
        public void Drain(int count, int maxRecords = 32)
        {
            for (int idle = 0; Verdicts.Count < count; idle++)
            {
                int before = Verdicts.Count;
                Exchange(LinkProtocol.CmdPoll, [], maxRecords: maxRecords);
                if (Verdicts.Count > before) idle = 0;
                Assert.True(idle < 50, $"{Verdicts.Count} of {count} frames judged");
                Sim.Run(1000);
            }
        }

        public void Dispose() => Sim.Dispose();
    }
}
