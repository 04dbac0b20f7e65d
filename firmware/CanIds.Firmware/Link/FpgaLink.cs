using System;
using CanIds.Core;
using CanIds.Core.Link;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Link
{
    /// <summary>
    /// The MCU's end of the SPI link (docs/spi-link.md, version 2): pushes the frame records waiting in the frame ring,
    /// many per transfer, keeps every command until the FPGA is known to have executed it, resends what it did not,
    /// takes the verdicts that ride in the responses (benign frames as a count, attacks as records) and acknowledges
    /// them, and loads weight images. Every response tells the sequence number of the last command the FPGA executed,
    /// so after each transfer the fate of every earlier command is known exactly; the command of the current transfer is
    /// the only one ever in doubt. Never recurses, never waits unboundedly, allocates nothing after construction.
    /// </summary>
    public sealed class FpgaLink
    {
        /// <summary>Consecutive unanswered transfers after which the link is reported degraded.</summary>
        public const int FailureThreshold = 4;

        /// <summary>Transfers one command may take (BUSY answers included) before it is given up.</summary>
        public const int MaxTransfersPerCommand = 500;

        private const int PoolSize = 4;
        private const int MaxRecordLength = LinkProtocol.VerdictRecordLength + 2 * 8; // debug builds: accumulators of up to 8 classes
        private const int MinRecords = 4;

        private readonly ISpiPort _spi;
        private readonly IVerdictSink _sink;
        private readonly FrameRing _ring;
        private readonly int _maxBatch;
        private readonly int _maxRecords;
        private readonly byte[] _tx;
        private readonly byte[] _rx;
        private readonly LinkResponse _response = new LinkResponse();
        private readonly LinkStatus _status = new LinkStatus();
        private readonly LinkCommand[] _free = new LinkCommand[PoolSize];    // commands not in use
        private readonly LinkCommand[] _queue = new LinkCommand[PoolSize];   // in use, in sequence order
        private int _freeCount;
        private readonly int[] _rejections = new int[16];
        private int _queued;
        private int _recordLength = LinkProtocol.VerdictRecordLength;
        private byte _nextSeq;
        private int _ack = LinkProtocol.NoneJudged;      // judged tag of the last response taken: sent back as ack
        private int _judged = LinkProtocol.NoneJudged;   // the newest frame whose verdict was taken
        private int _pushed;                             // the first frame tag not yet in a PUSH
        private int _room;                               // frames the FPGA can take, as far as is known
        private int _rd = MinRecords;                    // records asked for when the transfer has no room for more
        private bool _pollInFlight;                      // the last transfer carried a POLL we do not track
        private byte _pollSeq;
        private bool _connected;

        /// <summary>
        /// A link over <paramref name="spi"/> pushing the frames of <paramref name="ring"/> and delivering their verdicts
        /// to <paramref name="sink"/>; a PUSH carries up to <paramref name="maxBatch"/> frames, a response up to
        /// <paramref name="maxRecords"/> records, LOAD_DATA up to <paramref name="maxChunk"/> bytes.
        /// </summary>
        public FpgaLink(ISpiPort spi, IVerdictSink sink, FrameRing ring, int maxBatch, int maxRecords, int maxChunk)
        {
            _spi = spi;
            _sink = sink;
            _ring = ring;
            _maxBatch = maxBatch;
            _maxRecords = maxRecords;
            for (int i = 0; i < PoolSize; i++) _free[_freeCount++] = new LinkCommand(4 + maxChunk);

            int push = LinkProtocol.CommandHeaderLength + maxBatch * LinkProtocol.FrameRecordLength + LinkProtocol.CrcLength;
            int load = LinkProtocol.CommandHeaderLength + 4 + maxChunk + LinkProtocol.CrcLength;
            int size = push > load ? push : load;
            int response = LinkProtocol.ResponseLength(maxRecords, MaxRecordLength);
            int status = LinkProtocol.ResponseLength(1, LinkProtocol.StatusLength);
            if (response > size) size = response;
            if (status > size) size = status;
            _tx = new byte[size];
            _rx = new byte[size];
        }

        /// <summary>The status block read by the last <see cref="Connect"/> or <see cref="ReadStatus"/>.</summary>
        public LinkStatus Status
        {
            get { return _status; }
        }

        /// <summary>True after a successful <see cref="Connect"/> while the FPGA keeps answering.</summary>
        public bool Connected
        {
            get { return _connected; }
        }

        /// <summary>True when the FPGA has not answered <see cref="FailureThreshold"/> transfers in a row.</summary>
        public bool Degraded
        {
            get { return ConsecutiveFailures >= FailureThreshold; }
        }

        /// <summary>
        /// True when the FPGA answered as if it had restarted (no command since reset) or refused frames for good: its
        /// frame count no longer matches the MCU's, and the link must be set up again (<see cref="Connect"/>).
        /// </summary>
        public bool OutOfStep;

        /// <summary>Transfers without a valid response, in a row.</summary>
        public int ConsecutiveFailures;

        /// <summary>SPI transfers made.</summary>
        public long Transfers;

        /// <summary>Transfers whose response was missing or corrupted.</summary>
        public long BadResponses;

        /// <summary>Commands sent again because the FPGA had not executed them.</summary>
        public long Resent;

        /// <summary>Frames that will never get a verdict (FPGA restart, link set up again).</summary>
        public long LostVerdicts;

        /// <summary>Times the link was set up again after the FPGA was found restarted.</summary>
        public int Restarts;

        /// <summary>Frames taken into the ring that have no verdict yet (pushed or not).</summary>
        public int Unjudged
        {
            get { return (_ring.Next - 1 - _judged) & 0xFFFF; }
        }

        /// <summary>True while commands wait to be sent or to be known executed, or frames wait for verdicts.</summary>
        public bool Busy
        {
            get { return _queued > 0 || Unjudged > 0; }
        }

        /// <summary>Commands waiting to be sent or to be known executed.</summary>
        public int Queued
        {
            get { return _queued; }
        }

        /// <summary>Rejections reported by the FPGA with acknowledgement code <paramref name="code"/> (1..15).</summary>
        public int Rejections(int code)
        {
            return code > 0 && code < _rejections.Length ? _rejections[code] : 0;
        }

        /// <summary>
        /// Synchronises with the FPGA (RESET, then STATUS); false when it does not answer sensibly. Frames waiting for
        /// verdicts are reported lost, and tags start again from 0 with the FPGA's window.
        /// </summary>
        public bool Connect()
        {
            LoseUnjudged();
            for (int i = 0; i < _queued; i++)
            {
                _free[_freeCount++] = _queue[i];
                _queue[i] = null;
            }

            _queued = 0;

            _pollInFlight = false;
            _connected = false;
            OutOfStep = false;

            // RESET accepts any sequence number; the next transfer's response shows whether it was executed.
            for (int attempt = 0; attempt < FailureThreshold && !_connected; attempt++)
            {
                Transfer(LinkProtocol.CmdReset, null);
                _nextSeq = 1;
                _connected = Transfer(LinkProtocol.CmdPoll, null) && _response.LastExecuted == 0;
            }

            if (!_connected) return false;
            OutOfStep = false; // a response composed before the RESET may have looked inconsistent
            if (!ReadStatus() || _status.ProtocolVersion != LinkProtocol.Version || _status.RecordLength < LinkProtocol.VerdictRecordLength
                || _status.RecordLength > MaxRecordLength || _status.InputLength != _status.WindowFrames * InputFormat.BytesPerFrame)
            {
                _connected = false;
                return false;
            }

            _recordLength = _status.RecordLength;
            _room = _status.FifoFrames;
            return true;
        }

        /// <summary>Reads the status block (one STATUS transfer, repeated until answered); false when the FPGA does not answer.</summary>
        public bool ReadStatus()
        {
            if (!DrainQueue()) return false;
            for (int attempt = 0; attempt < FailureThreshold; attempt++)
            {
                if (Transfer(LinkProtocol.CmdStatus, null))
                {
                    _status.Parse(_rx, LinkProtocol.ResponseHeaderLength);
                    return true;
                }

                if (OutOfStep) return false;
            }

            return false;
        }

        /// <summary>
        /// One transfer: the next command due (a resend, or a PUSH of the frames waiting in the ring, as many as the FPGA
        /// has room for) or, with nothing to send, a POLL for verdicts. Returns false when the FPGA did not answer.
        /// </summary>
        public bool Service()
        {
            // Only the last queued command can tell: after a failure every command is unsent, and new ones are appended.
            LinkCommand next = _queued > 0 && !_queue[_queued - 1].Sent ? FirstUnsent() : null;
            if (next == null)
            {
                int waiting = (_ring.Next - _pushed) & 0xFFFF;
                int n = waiting < _room ? waiting : _room;
                if (n > _maxBatch) n = _maxBatch;
                if (n > 0)
                {
                    next = Take();
                    if (next != null)
                    {
                        next.Code = LinkProtocol.CmdPush;
                        next.FirstTag = _pushed;
                        next.Frames = n;
                        Enqueue(next);
                        _pushed = (_pushed + n) & 0xFFFF;
                    }
                }
            }

            return Transfer(next == null ? LinkProtocol.CmdPoll : next.Code, next);
        }

        /// <summary>
        /// Loads a weight image's payload into the FPGA's shadow bank and commits it: LOAD_BEGIN, LOAD_DATA chunks,
        /// LOAD_COMMIT with <paramref name="payloadCrc"/>. Frames already in the ring keep being pushed and judged
        /// meanwhile. Returns <see cref="LinkProtocol.AckOk"/> when the new model is active, else the FPGA's refusal
        /// (the old model stays active), or <see cref="LinkProtocol.AckNone"/> when the FPGA stopped answering.
        /// </summary>
        public int LoadModel(byte[] image, int payloadOffset, int payloadLength, uint configId, uint payloadCrc, int chunk)
        {
            if (!DrainQueue()) return LinkProtocol.AckNone;
            LinkCommand begin = Take();
            if (begin == null) return LinkProtocol.AckNone;
            begin.Code = LinkProtocol.CmdLoadBegin;
            BigEndian.PutU32(begin.Payload, 0, (uint)payloadLength);
            BigEndian.PutU32(begin.Payload, LinkProtocol.LoadBeginLength - 4, configId);
            begin.Length = LinkProtocol.LoadBeginLength;
            int result = Execute(begin);
            for (int at = 0; result == LinkProtocol.AckOk && at < payloadLength; at += chunk)
            {
                int n = payloadLength - at < chunk ? payloadLength - at : chunk;
                LinkCommand data = Take();
                if (data == null) return LinkProtocol.AckNone;
                data.Code = LinkProtocol.CmdLoadData;
                BigEndian.PutU32(data.Payload, 0, (uint)at);
                Array.Copy(image, payloadOffset + at, data.Payload, LinkProtocol.LoadDataAtBytes, n);
                data.Length = LinkProtocol.LoadDataAtBytes + n;
                result = Execute(data);
            }

            if (result != LinkProtocol.AckOk) return result;
            LinkCommand commit = Take();
            if (commit == null) return LinkProtocol.AckNone;
            commit.Code = LinkProtocol.CmdLoadCommit;
            BigEndian.PutU32(commit.Payload, 0, payloadCrc);
            commit.Length = LinkProtocol.LoadCommitLength;
            return Execute(commit);
        }

        // Runs transfers until the command is resolved: BUSY and transient failures are retried, boundedly.
        private int Execute(LinkCommand command)
        {
            Enqueue(command);
            int idle = 0;
            for (int transfers = 0; !command.Done; transfers++)
            {
                if (OutOfStep || transfers >= MaxTransfersPerCommand) return LinkProtocol.AckNone;
                if (!Service())
                {
                    if (++idle >= FailureThreshold) return LinkProtocol.AckNone;
                }
                else
                {
                    idle = 0;
                }
            }

            return command.Result;
        }

        private bool DrainQueue()
        {
            int idle = 0;
            for (int transfers = 0; _queued > 0; transfers++)
            {
                if (OutOfStep || transfers >= MaxTransfersPerCommand) return false;
                if (!Service() && ++idle >= FailureThreshold) return false;
            }

            return true;
        }

        /// <summary>One SPI transfer carrying <paramref name="code"/>; resolves earlier commands from the response.</summary>
        private bool Transfer(byte code, LinkCommand command)
        {
            byte seq = code == LinkProtocol.CmdReset ? (byte)0 : _nextSeq;
            bool status = code == LinkProtocol.CmdStatus;
            int length = 0;
            if (command != null && code == LinkProtocol.CmdPush)
            {
                length = CopyFrames(command.FirstTag, command.Frames);
            }
            else if (command != null)
            {
                Array.Copy(command.Payload, 0, _tx, LinkProtocol.CommandHeaderLength, command.Length);
                length = command.Length;
            }

            int frame = LinkProtocol.CommandHeaderLength + length + LinkProtocol.CrcLength;
            int rd = 0;
            if (!status)
            {
                rd = (frame - LinkProtocol.ResponseHeaderLength - LinkProtocol.CrcLength) / _recordLength; // records that fit at no extra cost
                if (rd < _rd) rd = _rd;
                if (rd > _maxRecords) rd = _maxRecords;
            }

            // LinkProtocol.BeginCommand and EndCommand, written out: this runs for every transfer.
            byte[] tx = _tx;
            tx[LinkProtocol.CmdAtCode] = code;
            tx[LinkProtocol.CmdAtSeq] = seq;
            tx[LinkProtocol.CmdAtRd] = (byte)rd;
            tx[LinkProtocol.CmdAtAck] = (byte)(_ack >> 8);
            tx[LinkProtocol.CmdAtAck + 1] = (byte)_ack;
            tx[LinkProtocol.CmdAtLength] = (byte)(length >> 8);
            tx[LinkProtocol.CmdAtLength + 1] = (byte)length;
            int end = LinkProtocol.CommandHeaderLength + length;
            int crc = Crc16Ccitt.Compute(tx, 0, end);
            tx[end] = (byte)(crc >> 8);
            tx[end + 1] = (byte)crc;
            int response = LinkProtocol.ResponseHeaderLength + (status ? LinkProtocol.StatusLength : rd * _recordLength) + LinkProtocol.CrcLength;
            int count = response > frame ? response : frame;
            _spi.TransferFullDuplex(_tx, _rx, count);
            Transfers++;
            if (code != LinkProtocol.CmdReset) _nextSeq = (byte)(seq + 1);
            int pushed = command != null && code == LinkProtocol.CmdPush ? command.Frames : 0;

            bool valid = _response.Parse(_rx, count, _recordLength, status);
            bool doomed = false;
            if (!valid)
            {
                BadResponses++;
                ConsecutiveFailures++;
                _room -= pushed;
            }
            else
            {
                ConsecutiveFailures = 0;
                if (_response.AckCode == LinkProtocol.AckNone && _connected && code != LinkProtocol.CmdReset)
                {
                    // The FPGA restarted: it knows none of the frames sent before. Connect() sets the link up again.
                    Restarts++;
                    OutOfStep = true;
                    _connected = false;
                    return false;
                }

                doomed = Resolve((byte)_response.LastExecuted, _response.AckCode);
                _room = _response.Free - pushed; // the response was composed before this transfer's PUSH
                if (!status && code != LinkProtocol.CmdReset) TakeVerdicts(rd); // a RESET's response is the old session's
            }

            // This transfer's command is in doubt until the next response.
            if (command != null)
            {
                // Numbered after a command the FPGA did not execute, it will be refused too: send it again later, in order.
                command.Sent = !doomed;
                command.Seq = seq;
                command.Attempts++;
                if (command.Attempts > 1) Resent++;
            }

            _pollInFlight = command == null;
            _pollSeq = seq;
            return valid;
        }

        // The PUSH payload: the frames' records from the ring (two copies where the ring wraps).
        private int CopyFrames(int firstTag, int frames)
        {
            int at = _ring.Offset(firstTag);
            int bytes = frames * LinkProtocol.FrameRecordLength;
            int tail = _ring.Records.Length - at;
            if (tail >= bytes)
            {
                Array.Copy(_ring.Records, at, _tx, LinkProtocol.CommandHeaderLength, bytes);
            }
            else
            {
                Array.Copy(_ring.Records, at, _tx, LinkProtocol.CommandHeaderLength, tail);
                Array.Copy(_ring.Records, 0, _tx, LinkProtocol.CommandHeaderLength + tail, bytes - tail);
            }

            return bytes;
        }

        /// <summary>
        /// Everything sent before this transfer: executed up to <paramref name="last"/>, the rest not (and sent again,
        /// in order, numbered from last + 1). Returns true when something was not executed.
        /// </summary>
        private bool Resolve(byte last, int ackCode)
        {
            bool failed = false;
            for (int i = 0; i < _queued; i++)
            {
                LinkCommand c = _queue[i];
                if (!c.Sent) continue;
                if ((byte)(last - c.Seq) < 128) // executed: at or before the last executed one
                {
                    c.Done = true;
                    c.Result = LinkProtocol.AckOk;
                    continue;
                }

                // Not executed: the first such command is the one the FPGA answered with ackCode.
                if (!failed)
                {
                    failed = true;
                    if (ackCode > 0 && ackCode < _rejections.Length) _rejections[ackCode]++;
                    if (IsPermanent(ackCode))
                    {
                        c.Done = true;
                        c.Result = ackCode;
                        // A PUSH refused for good leaves the FPGA's frame count behind the MCU's: start over.
                        if (c.Code == LinkProtocol.CmdPush) OutOfStep = true;
                        continue;
                    }
                }

                c.Sent = false;
            }

            if (_pollInFlight && (byte)(last - _pollSeq) >= 128 && !failed)
            {
                failed = true;
                if (ackCode > 0 && ackCode < _rejections.Length) _rejections[ackCode]++;
            }

            if (failed)
            {
                _nextSeq = (byte)(last + 1);
                for (int i = 0; i < _queued; i++) _queue[i].Sent = false;
            }

            RemoveDone();
            return failed;
        }

        // The frames after the newest judged one, up to the response's judged tag: runs of benign frames between the
        // attack records. Records of frames already taken (a response sent again) are skipped.
        private void TakeVerdicts(int asked)
        {
            int judged = _response.Judged;
            _ack = judged;
            int newer = (judged - _judged) & 0xFFFF;
            if (newer == 0 || newer >= 0x8000) return;
            if (newer > ((_pushed - 1 - _judged) & 0xFFFF))
            {
                OutOfStep = true; // verdicts for frames never pushed: the FPGA is not where the MCU thinks
                return;
            }

            int from = (_judged + 1) & 0xFFFF;
            int count = _response.Count;
            for (int i = 0; i < count; i++)
            {
                int at = LinkResponse.RecordOffset(i, _recordLength);
                int tag = (_rx[at] << 8) | _rx[at + 1];
                int ahead = (tag - _judged) & 0xFFFF;
                int cls = _rx[at + 2] & 0x7F;
                if (ahead == 0 || ahead > newer || cls == 0) continue; // already taken, beyond, or a benign record (debug build)
                int run = (tag - from) & 0xFFFF;
                if (run > 0) _sink.OnBenign(from, run);
                _sink.OnAttack(tag, cls, _rx[at + 2] >> 7);
                from = (tag + 1) & 0xFFFF;
            }

            int rest = (judged + 1 - from) & 0xFFFF;
            if (rest > 0) _sink.OnBenign(from, rest);
            _judged = judged;

            // Ask for more records while responses come back full (an attack burst), fewer again after.
            if (count >= asked && _rd < _maxRecords) _rd = _rd * 2 > _maxRecords ? _maxRecords : _rd * 2;
            else if (count < asked / 2 && _rd > MinRecords) _rd = _rd / 2 < MinRecords ? MinRecords : _rd / 2;
        }

        // Frames taken and not judged before a reconnection will never be judged: reported lost, in tag order.
        private void LoseUnjudged()
        {
            int lost = Unjudged;
            if (lost > 0)
            {
                _sink.OnLost((_judged + 1) & 0xFFFF, lost);
                LostVerdicts += lost;
            }

            _ring.Restart();
            _judged = LinkProtocol.NoneJudged;
            _ack = LinkProtocol.NoneJudged;
            _pushed = 0;
            _rd = MinRecords;
        }

        private static bool IsPermanent(int code)
        {
            return code == LinkProtocol.AckLength || code == LinkProtocol.AckUnknown || code == LinkProtocol.AckOffset
                || code == LinkProtocol.AckConfig || code == LinkProtocol.AckImageCrc || code == LinkProtocol.AckIncomplete;
        }

        private LinkCommand FirstUnsent()
        {
            for (int i = 0; i < _queued; i++)
            {
                if (!_queue[i].Sent) return _queue[i];
            }

            return null;
        }

        private void Enqueue(LinkCommand c)
        {
            c.Sent = false;
            c.Done = false;
            c.Attempts = 0;
            _queue[_queued++] = c;
        }

        // Resolved commands leave the queue for the free list.
        private void RemoveDone()
        {
            int kept = 0;
            for (int i = 0; i < _queued; i++)
            {
                LinkCommand c = _queue[i];
                if (c.Done) _free[_freeCount++] = c;
                else _queue[kept++] = c;
            }

            for (int i = kept; i < _queued; i++) _queue[i] = null;
            _queued = kept;
        }

        private LinkCommand Take()
        {
            if (_freeCount == 0) return null;
            LinkCommand c = _free[--_freeCount];
            _free[_freeCount] = null;
            c.Done = false;
            return c;
        }
    }
}
