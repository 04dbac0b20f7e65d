using System;
using CanIds.Core;
using CanIds.Core.Link;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Link
{
    /// <summary>
    /// The MCU's end of the SPI link (docs/spi-link.md): batches windows into PUSH commands, keeps every command until
    /// the FPGA is known to have executed it, resends what it did not, collects the verdicts that ride in the responses
    /// and acknowledges them, and loads weight images. Every response tells the sequence number of the last command
    /// the FPGA executed, so after each transfer the fate of every earlier command is known exactly; the command of
    /// the current transfer is the only one ever in doubt. Allocates nothing after construction.
    /// </summary>
    public sealed class FpgaLink
    {
        /// <summary>Consecutive unanswered transfers after which the link is reported degraded.</summary>
        public const int FailureThreshold = 4;

        private const int PoolSize = 6;
        private const int MaxRecordLength = 3 + 2 * 32;

        private readonly ISpiPort _spi;
        private readonly IVerdictSink _sink;
        private readonly int _maxBatch;
        private readonly int _maxRecords;
        private readonly byte[] _tx;
        private readonly byte[] _rx;
        private readonly LinkResponse _response = new LinkResponse();
        private readonly LinkStatus _status = new LinkStatus();
        private readonly LinkCommand[] _pool = new LinkCommand[PoolSize];
        private readonly LinkCommand[] _queue = new LinkCommand[PoolSize];   // in sequence order
        private readonly int[] _rejections = new int[16];
        private int _queued;
        private LinkCommand _batch;
        private int _inputLength;
        private int _recordLength = 3;
        private byte _nextSeq;
        private byte _received;          // verdict records received, mod 256 (the vack we send)
        private int _nextTag;            // tag of the oldest window still waiting for its verdict
        private int _outstanding;        // windows accepted (or in an unresolved PUSH) without a verdict yet
        private int _freeWindows;
        private bool _pollInFlight;      // the last transfer carried a POLL/RESET we do not track
        private byte _pollSeq;
        private bool _connected;

        /// <summary>
        /// A link over <paramref name="spi"/> delivering verdicts to <paramref name="sink"/>; PUSH carries up to
        /// <paramref name="maxBatch"/> windows, a response up to <paramref name="maxRecords"/> verdicts, LOAD_DATA up
        /// to <paramref name="maxChunk"/> bytes.
        /// </summary>
        public FpgaLink(ISpiPort spi, IVerdictSink sink, int maxBatch, int maxRecords, int maxChunk)
        {
            _spi = spi;
            _sink = sink;
            _maxBatch = maxBatch;
            _maxRecords = maxRecords;
            int payload = maxBatch * (LinkProtocol.TagLength + 64 * 10);
            if (payload < 4 + maxChunk) payload = 4 + maxChunk;
            for (int i = 0; i < PoolSize; i++)
            {
                _pool[i] = new LinkCommand(payload);
                _pool[i].Done = true;
            }
            int frame = LinkProtocol.HeaderLength + payload + LinkProtocol.CrcLength;
            int response = LinkProtocol.ResponseLength(maxRecords, MaxRecordLength);
            int status = LinkProtocol.ResponseLength(1, LinkProtocol.StatusLength);
            int size = frame;
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

        /// <summary>Transfers without a valid response, in a row.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>SPI transfers made.</summary>
        public long Transfers { get; private set; }

        /// <summary>Transfers whose response was missing or corrupted.</summary>
        public long BadResponses { get; private set; }

        /// <summary>Commands sent again because the FPGA had not executed them.</summary>
        public long Resent { get; private set; }

        /// <summary>Verdicts that will never come (FPGA restart, lost windows).</summary>
        public long LostVerdicts { get; private set; }

        /// <summary>Times the FPGA was found restarted and the link set up again.</summary>
        public int Restarts { get; private set; }

        /// <summary>Windows added but not yet sent.</summary>
        public int BatchedWindows
        {
            get { return _batch == null ? 0 : _batch.Windows; }
        }

        /// <summary>Windows sent or batched that have no verdict yet.</summary>
        public int Outstanding
        {
            get { return _outstanding + BatchedWindows; }
        }

        /// <summary>Rejections reported by the FPGA with acknowledgement code <paramref name="code"/> (1..15).</summary>
        public int Rejections(int code)
        {
            return code > 0 && code < _rejections.Length ? _rejections[code] : 0;
        }

        /// <summary>Synchronises with the FPGA (RESET, then STATUS); false when it does not answer sensibly.</summary>
        public bool Connect()
        {
            LoseOutstanding();
            _queued = 0;
            for (int i = 0; i < PoolSize; i++) _pool[i].Done = true;
            _batch = null;
            _received = 0;
            _pollInFlight = false;
            _connected = false;

            // RESET accepts any sequence number; the next transfer's response shows whether it was executed.
            for (int attempt = 0; attempt < FailureThreshold && !_connected; attempt++)
            {
                Transfer(LinkProtocol.CmdReset, 0, null);
                _nextSeq = 1;
                _connected = Transfer(LinkProtocol.CmdPoll, 0, null) && _response.LastExecuted == 0;
            }

            if (!_connected) return false;
            _nextSeq = 2;
            if (!ReadStatus()) return false;
            _inputLength = _status.InputLength;
            _recordLength = _status.RecordLength;
            if (_status.ProtocolVersion != LinkProtocol.Version || _recordLength < 3 || _recordLength > MaxRecordLength) _connected = false;
            return _connected;
        }

        /// <summary>Reads the status block (one STATUS transfer, repeated until answered); false when the FPGA does not answer.</summary>
        public bool ReadStatus()
        {
            for (int attempt = 0; attempt < FailureThreshold; attempt++)
            {
                if (!DrainQueue()) return false;
                if (Transfer(LinkProtocol.CmdStatus, 0, null))
                {
                    _status.Parse(_rx, LinkProtocol.HeaderLength);
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Adds one window (its <see cref="LinkStatus.InputLength"/> bytes at <paramref name="offset"/>) tagged
        /// <paramref name="tag"/> to the next PUSH; false when the batch is full (call <see cref="Service"/>).
        /// </summary>
        public bool TryAddWindow(int tag, byte[] window, int offset)
        {
            if (_batch == null)
            {
                _batch = Take();
                if (_batch == null) return false;
                _batch.Code = LinkProtocol.CmdPush;
                _batch.Length = 0;
                _batch.Windows = 0;
            }

            if (_batch.Windows >= _maxBatch) return false;
            byte[] p = _batch.Payload;
            int at = _batch.Length;
            p[at] = (byte)(tag >> 8);
            p[at + 1] = (byte)tag;
            Array.Copy(window, offset, p, at + 2, _inputLength);
            _batch.Length = at + 2 + _inputLength;
            _batch.Windows++;
            return true;
        }

        /// <summary>
        /// One transfer: the next command due (a resend, or the batch of windows when the FPGA has room for it) or,
        /// with nothing to send, a POLL for verdicts. Returns false when the FPGA did not answer.
        /// </summary>
        public bool Service()
        {
            if (FirstUnsent() == null && _batch != null && _batch.Windows > 0 && _batch.Windows <= _freeWindows)
            {
                Enqueue(_batch);
                _outstanding += _batch.Windows;
                _freeWindows -= _batch.Windows;
                _batch = null;
            }

            LinkCommand next = FirstUnsent();
            if (next == null) return Transfer(LinkProtocol.CmdPoll, 0, null);
            return Transfer(next.Code, next.Length, next);
        }

        /// <summary>Services the link until every batched and queued window is accepted; false when the FPGA stops answering.</summary>
        public bool Flush()
        {
            int idle = 0;
            while ((_batch != null && _batch.Windows > 0) || _queued > 0)
            {
                if (!Service())
                {
                    if (++idle >= FailureThreshold) return false;
                }
                else
                {
                    idle = 0;
                }
            }

            return true;
        }

        /// <summary>
        /// Loads a weight image's payload into the FPGA's shadow bank and commits it: LOAD_BEGIN, LOAD_DATA chunks,
        /// LOAD_COMMIT with <paramref name="payloadCrc"/>. Returns <see cref="LinkProtocol.AckOk"/> when the new model
        /// is active, else the FPGA's refusal (the old model stays active).
        /// </summary>
        public int LoadModel(byte[] image, int payloadOffset, int payloadLength, uint configId, uint payloadCrc, int chunk)
        {
            if (!Flush()) return LinkProtocol.AckNone;
            LinkCommand begin = Take();
            begin.Code = LinkProtocol.CmdLoadBegin;
            BigEndian.PutU32(begin.Payload, 0, (uint)payloadLength);
            BigEndian.PutU32(begin.Payload, 4, configId);
            begin.Length = 8;
            int result = Execute(begin);
            for (int at = 0; result == LinkProtocol.AckOk && at < payloadLength; at += chunk)
            {
                int n = payloadLength - at < chunk ? payloadLength - at : chunk;
                LinkCommand data = Take();
                data.Code = LinkProtocol.CmdLoadData;
                BigEndian.PutU32(data.Payload, 0, (uint)at);
                Array.Copy(image, payloadOffset + at, data.Payload, 4, n);
                data.Length = 4 + n;
                result = Execute(data);
            }

            if (result != LinkProtocol.AckOk) return result;
            LinkCommand commit = Take();
            commit.Code = LinkProtocol.CmdLoadCommit;
            BigEndian.PutU32(commit.Payload, 0, payloadCrc);
            commit.Length = 4;
            return Execute(commit);
        }

        // Runs transfers until the command is resolved; BUSY and transient failures are retried by the queue.
        private int Execute(LinkCommand command)
        {
            Enqueue(command);
            int idle = 0;
            while (!command.Done)
            {
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
            while (_queued > 0)
            {
                if (!Service() && ++idle >= FailureThreshold) return false;
            }

            return true;
        }

        /// <summary>One SPI transfer carrying <paramref name="code"/>; resolves earlier commands from the response.</summary>
        private bool Transfer(byte code, int length, LinkCommand command)
        {
            byte seq = code == LinkProtocol.CmdReset ? (byte)0 : _nextSeq;
            bool status = code == LinkProtocol.CmdStatus;
            int rd = _outstanding < _maxRecords ? _outstanding : _maxRecords;
            if (status) rd = 0;
            LinkProtocol.BeginCommand(_tx, code, seq, _received, (byte)rd);
            if (command != null) Array.Copy(command.Payload, 0, _tx, LinkProtocol.HeaderLength, length);
            int frame = LinkProtocol.EndCommand(_tx, length);
            int count = status
                ? LinkProtocol.TransferLength(frame, 1, LinkProtocol.StatusLength)
                : LinkProtocol.TransferLength(frame, rd, _recordLength);
            _spi.TransferFullDuplex(_tx, _rx, count);
            Transfers++;
            if (code != LinkProtocol.CmdReset) _nextSeq = (byte)(seq + 1);

            bool valid = _response.Parse(_rx, count, _recordLength, status);
            bool doomed = false;
            if (!valid)
            {
                BadResponses++;
                ConsecutiveFailures++;
            }
            else
            {
                ConsecutiveFailures = 0;
                if (_response.AckCode == LinkProtocol.AckNone && _connected && code != LinkProtocol.CmdReset)
                {
                    Restarted();
                    return false;
                }

                doomed = Resolve((byte)_response.LastExecuted, _response.AckCode);
                _freeWindows = _response.FreeWindows;
                if (!status) TakeVerdicts();
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
                if (Before(c.Seq, last))
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
                        continue;
                    }
                }

                c.Sent = false;
            }

            if (_pollInFlight && !Before(_pollSeq, last) && !failed)
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

        private void TakeVerdicts()
        {
            int count = _response.Count;
            for (int i = 0; i < count; i++)
            {
                int at = LinkResponse.RecordOffset(i, _recordLength);
                int tag = LinkResponse.RecordTag(_rx, at);
                int ahead = (tag - _nextTag) & 0xFFFF;
                if (ahead >= 0x8000) continue; // sent again after a lost acknowledgement: already taken
                if (ahead > 0)
                {
                    _sink.OnLost(_nextTag, ahead);
                    LostVerdicts += ahead;
                    _outstanding -= ahead;
                }

                _sink.OnVerdict(tag, LinkResponse.RecordClass(_rx, at), LinkResponse.RecordBank(_rx, at));
                _nextTag = (tag + 1) & 0xFFFF;
                _received++;
                _outstanding--;
            }
        }

        private void Restarted()
        {
            Restarts++;
            _connected = false;
            Connect();
        }

        // Windows sent or batched before a reconnection will never be judged: they are reported lost, in tag order.
        private void LoseOutstanding()
        {
            int lost = _outstanding + BatchedWindows;
            if (lost > 0)
            {
                _sink.OnLost(_nextTag, lost);
                LostVerdicts += lost;
                _nextTag = (_nextTag + lost) & 0xFFFF;
            }

            _outstanding = 0;
        }

        private static bool Before(byte seq, byte last)
        {
            return (byte)(last - seq) < 128;
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

        private void RemoveDone()
        {
            int kept = 0;
            for (int i = 0; i < _queued; i++)
            {
                if (!_queue[i].Done) _queue[kept++] = _queue[i];
            }

            for (int i = kept; i < _queued; i++) _queue[i] = null;
            _queued = kept;
        }

        private LinkCommand Take()
        {
            for (int i = 0; i < PoolSize; i++)
            {
                LinkCommand c = _pool[i];
                if (c.Done && c != _batch && !InQueue(c))
                {
                    c.Done = false;
                    return c;
                }
            }

            return null;
        }

        private bool InQueue(LinkCommand c)
        {
            for (int i = 0; i < _queued; i++)
            {
                if (_queue[i] == c) return true;
            }

            return false;
        }
    }
}
