using System;
using System.Collections.Generic;
using CanIds.Core.Link;
using CanIds.Fpga.Sim;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>One verdict record as read from MISO.</summary>
    public sealed record Verdict(int Tag, int Class, int Bank, int[] Accumulators);

    /// <summary>
    /// A test-side SPI link master over the RTL: builds frames with the shared codec and lets a test corrupt, cut or
    /// misnumber them. Tracks the sequence number and the cumulative verdict count like the firmware does.
    /// </summary>
    public sealed class LinkDriver : IDisposable
    {
        private readonly byte[] _tx = new byte[70_000];
        private readonly byte[] _rx = new byte[70_000];

        public LinkDriver(string test, int halfPeriod = 4)
        {
            Sim = RtlSimulator.ForTest(test);
            Sim.HalfPeriod = halfPeriod;
            // A RESET with any sequence number synchronises both ends; STATUS tells the record length.
            Exchange(LinkProtocol.CmdReset, []);
            Status = ReadStatus();
            Assert.Equal(LinkProtocol.Version, Status.ProtocolVersion);
        }

        public RtlSimulator Sim { get; }

        public LinkStatus Status { get; private set; }

        public byte Seq { get; set; }

        public byte VerdictsReceived { get; set; }

        public LinkResponse Response { get; } = new();

        /// <summary>The last sequence number the FPGA executed, as its last response said.</summary>
        public byte Executed { get; private set; }

        /// <summary>Verdicts received so far, in order.</summary>
        public List<Verdict> Verdicts { get; } = new();

        /// <summary>
        /// One transfer: command <paramref name="cmd"/> with <paramref name="payload"/>, asking for up to
        /// <paramref name="maxRecords"/> verdicts. <paramref name="corrupt"/> may change the MOSI frame before it is
        /// sent; <paramref name="stopAfterBits"/> cuts the transfer. Parses the response and collects its verdicts.
        /// </summary>
        public LinkResponse Exchange(byte cmd, ReadOnlySpan<byte> payload, int maxRecords = 16, Action<byte[]>? corrupt = null, int stopAfterBits = -1, bool advanceSeq = true, byte? seq = null)
        {
            if (advanceSeq && seq == null && cmd != LinkProtocol.CmdReset) Seq++;
            byte s = seq ?? (cmd == LinkProtocol.CmdReset ? (byte)0 : Seq);
            if (cmd == LinkProtocol.CmdReset)
            {
                Seq = s;
                VerdictsReceived = 0;
            }

            LinkProtocol.BeginCommand(_tx, cmd, s, VerdictsReceived, (byte)maxRecords);
            payload.CopyTo(_tx.AsSpan(LinkProtocol.HeaderLength));
            int length = LinkProtocol.EndCommand(_tx, payload.Length);
            corrupt?.Invoke(_tx);
            bool status = cmd == LinkProtocol.CmdStatus;
            int recordLength = Status?.RecordLength ?? 3;
            int transfer = status ? Math.Max(length, LinkProtocol.ResponseLength(1, LinkProtocol.StatusLength)) : LinkProtocol.TransferLength(length, maxRecords, recordLength);
            Array.Clear(_rx, 0, transfer);
            Sim.Transfer(_tx, _rx, transfer, stopAfterBits);
            Response.Parse(_rx, transfer, recordLength, status);
            if (Response.Valid) Executed = (byte)Response.LastExecuted;
            if (Response.Valid && !status)
            {
                for (int i = 0; i < Response.Count; i++)
                {
                    int at = LinkResponse.RecordOffset(i, recordLength);
                    var accs = new int[recordLength > 3 ? Status!.Classes : 0];
                    for (int c = 0; c < accs.Length; c++) accs[c] = LinkResponse.RecordAccumulator(_rx, at, c);
                    Verdicts.Add(new Verdict(LinkResponse.RecordTag(_rx, at), LinkResponse.RecordClass(_rx, at), LinkResponse.RecordBank(_rx, at), accs));
                    VerdictsReceived++;
                }
            }

            return Response;
        }

        /// <summary>The status block (a STATUS transfer).</summary>
        public LinkStatus ReadStatus()
        {
            var r = Exchange(LinkProtocol.CmdStatus, []);
            Assert.True(r.Valid, r.Problem);
            var status = new LinkStatus();
            status.Parse(_rx, LinkProtocol.HeaderLength);
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

        /// <summary>A PUSH payload of windows: each a 2-byte tag then its input bytes.</summary>
        public static byte[] PushPayload(IReadOnlyList<(int Tag, byte[] Input)> windows)
        {
            int per = windows.Count == 0 ? 0 : LinkProtocol.TagLength + windows[0].Input.Length;
            var payload = new byte[windows.Count * per];
            for (int i = 0; i < windows.Count; i++)
            {
                payload[i * per] = (byte)(windows[i].Tag >> 8);
                payload[i * per + 1] = (byte)windows[i].Tag;
                windows[i].Input.CopyTo(payload, i * per + 2);
            }

            return payload;
        }

        /// <summary>Polls until <paramref name="count"/> verdicts arrived in all (fails after many idle polls).</summary>
        public void Drain(int count)
        {
            for (int idle = 0; Verdicts.Count < count; idle++)
            {
                int before = Verdicts.Count;
                Exchange(LinkProtocol.CmdPoll, [], maxRecords: 32);
                if (Verdicts.Count > before) idle = 0;
                Assert.True(idle < 50, $"{Verdicts.Count} of {count} verdicts arrived");
                Sim.Run(1000);
            }
        }

        public void Dispose() => Sim.Dispose();
    }
}
