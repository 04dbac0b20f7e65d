using System;
using CanIds.Core;
using CanIds.Core.Link;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// An FPGA that answers the SPI link (docs/spi-link.md, version 2) as the RTL does — sequence numbers, the
    /// acknowledgement of verdicts, the judged tag and attack records, the FIFO's room, the status block — but judges
    /// instantly and by a rule instead of the network: a frame whose identifier word is <see cref="AttackIdWord"/> is
    /// an attack (class 1). It trusts the MOSI CRC (this wire never corrupts) so that the firmware's work dominates what
    /// a benchmark measures. nanoFramework code: it runs on nanoCLR beside the firmware it serves.
    /// </summary>
    public sealed class FakeFpga : ISpiPort
    {
        private const int RecordCapacity = 32;
        private readonly int[] _recordTags = new int[RecordCapacity];
        private readonly byte[] _recordClasses = new byte[RecordCapacity];
        private int _written;          // records written (absolute index)
        private int _released;         // records released
        private int _judged = LinkProtocol.NoneJudged;
        private int _acked = LinkProtocol.NoneJudged;
        private int _nextTag;
        private int _lastJudgedSent = LinkProtocol.NoneJudged;
        private int _lastEndSent;
        private byte _lastSeq = 0xFF;
        private byte _ackCode = LinkProtocol.AckNone;

        /// <summary>Frame records the FPGA's input FIFO holds.</summary>
        public int FifoFrames = 25;

        /// <summary>Identifier word (input-format bytes 0..1) that this FPGA judges as an attack.</summary>
        public int AttackIdWord = 0x0000;

        /// <summary>Responses still to lose (MISO stuck low, as a broken wire would): the commands are still executed.</summary>
        public int LoseResponses;

        /// <summary>Id of the model it reports running (the CRC-32 of a weight image's payload).</summary>
        public uint ModelId;

        /// <summary>Frames judged.</summary>
        public int Frames;

        /// <summary>Frames judged as attacks.</summary>
        public int Attacks;

        /// <inheritdoc />
        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            // The response is composed from the state when chip select falls.
            byte cmd = write[LinkProtocol.CmdAtCode];
            byte seq = write[LinkProtocol.CmdAtSeq];
            int rd = write[LinkProtocol.CmdAtRd];
            int ack = (write[LinkProtocol.CmdAtAck] << 8) | write[LinkProtocol.CmdAtAck + 1];
            int length = (write[LinkProtocol.CmdAtLength] << 8) | write[LinkProtocol.CmdAtLength + 1];
            int pending = _written - _released;
            int cmpJudged = _lastJudgedSent, cmpEnd = _lastEndSent;
            bool status = cmd == LinkProtocol.CmdStatus;
            int n = status ? 0 : (pending < rd ? pending : rd);
            int judged = status ? _acked : n < pending ? (_recordTags[(_released + n) % RecordCapacity] - 1) & 0xFFFF : _judged;
            Array.Clear(read, 0, count);
            read[0] = LinkProtocol.ResponseMarker;
            read[LinkProtocol.RspAtFlags] = (byte)(_judged != _acked ? LinkProtocol.FlagVerdicts : 0);
            read[LinkProtocol.RspAtLastSeq] = _lastSeq;
            read[LinkProtocol.RspAtAckCode] = _ackCode;
            read[LinkProtocol.RspAtFree] = (byte)FifoFrames; // judged at once: the FIFO is always empty
            read[LinkProtocol.RspAtJudged] = (byte)(judged >> 8);
            read[LinkProtocol.RspAtJudged + 1] = (byte)judged;
            int body = LinkProtocol.ResponseHeaderLength;
            if (status)
            {
                read[LinkProtocol.RspAtCount] = LinkProtocol.StatusLength;
                WriteStatus(read, body);
                body += LinkProtocol.StatusLength;
            }
            else
            {
                read[LinkProtocol.RspAtCount] = (byte)n;
                for (int i = 0; i < n; i++)
                {
                    int r = (_released + i) % RecordCapacity;
                    read[body] = (byte)(_recordTags[r] >> 8);
                    read[body + 1] = (byte)_recordTags[r];
                    read[body + 2] = _recordClasses[r];
                    body += LinkProtocol.VerdictRecordLength;
                }
            }

            int crc = Crc16Ccitt.Compute(read, 0, body);
            read[body] = (byte)(crc >> 8);
            read[body + 1] = (byte)crc;
            if (LoseResponses > 0)
            {
                LoseResponses--;
                Array.Clear(read, 0, count);
            }

            // Chip select rises: the acknowledgement, then the command.
            _lastJudgedSent = judged;
            _lastEndSent = _released + n;
            if (cmd != LinkProtocol.CmdReset && ack == cmpJudged && cmpEnd - _released <= pending)
            {
                _released = cmpEnd;
                _acked = ack;
            }

            if (cmd == LinkProtocol.CmdReset)
            {
                Reset();
                _lastSeq = seq;
                _ackCode = LinkProtocol.AckOk;
                return;
            }

            if (seq == _lastSeq)
            {
                _ackCode = LinkProtocol.AckDuplicate;
                return;
            }

            if (seq != (byte)(_lastSeq + 1))
            {
                _ackCode = LinkProtocol.AckSequence;
                return;
            }

            if (cmd == LinkProtocol.CmdPush)
            {
                int frames = length / LinkProtocol.FrameRecordLength;
                if (frames > FifoFrames || _written - _released + frames > RecordCapacity)
                {
                    _ackCode = LinkProtocol.AckFull;
                    return;
                }

                for (int f = 0; f < frames; f++) Judge(write, LinkProtocol.CommandHeaderLength + f * LinkProtocol.FrameRecordLength);
            }

            _lastSeq = seq;
            _ackCode = LinkProtocol.AckOk;
        }

        /// <summary>A power cycle: everything is forgotten, as after the FPGA's reset pin.</summary>
        public void PowerCycle()
        {
            Reset();
            _lastSeq = 0xFF;
            _ackCode = LinkProtocol.AckNone;
        }

        private void Judge(byte[] frame, int at)
        {
            int tag = _nextTag;
            _nextTag = (_nextTag + 1) & 0xFFFF;
            _judged = tag;
            Frames++;
            if (((frame[at] << 8) | frame[at + 1]) != AttackIdWord) return;
            Attacks++;
            int r = _written % RecordCapacity;
            _recordTags[r] = tag;
            _recordClasses[r] = 1;
            _written++;
        }

        private void Reset()
        {
            _written = 0;
            _released = 0;
            _judged = LinkProtocol.NoneJudged;
            _acked = LinkProtocol.NoneJudged;
            _nextTag = 0;
            _lastJudgedSent = LinkProtocol.NoneJudged;
            _lastEndSent = 0;
        }

        private void WriteStatus(byte[] b, int at)
        {
            b[at + LinkProtocol.StAtVersion] = LinkProtocol.Version;
            b[at + LinkProtocol.StAtWindowFrames] = InputFormat.DefaultWindowFrames;
            BigEndian.PutU16(b, at + LinkProtocol.StAtInputLength, InputFormat.DefaultWindowFrames * InputFormat.BytesPerFrame);
            b[at + LinkProtocol.StAtMaxClasses] = 5;
            b[at + LinkProtocol.StAtClasses] = 5;
            b[at + LinkProtocol.StAtRecordLength] = LinkProtocol.VerdictRecordLength;
            BigEndian.PutU16(b, at + LinkProtocol.StAtFifoFrames, FifoFrames);
            BigEndian.PutU32(b, at + LinkProtocol.StAtFrames, (uint)Frames);
            BigEndian.PutU32(b, at + LinkProtocol.StAtVerdicts, (uint)Frames);
            BigEndian.PutU32(b, at + LinkProtocol.StAtModelId, ModelId);
        }
    }
}
