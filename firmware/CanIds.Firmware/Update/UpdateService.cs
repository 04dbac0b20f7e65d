using System;
using CanIds.Core;
using CanIds.Core.Update;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;

namespace CanIds.Firmware.Update
{
    /// <summary>
    /// The device end of the serial update protocol (docs/update-protocol.md): stages an uploaded weight image in
    /// flash chunk by chunk (resumable after a broken connection or a power loss), reads it back on request, and on an
    /// explicit COMMIT verifies it and loads it into the FPGA before it becomes the stored active image; ROLLBACK goes
    /// back to the previous one. Every answer repeats the request's seq; a repeated request is answered again without
    /// being done twice.
    /// </summary>
    public sealed class UpdateService
    {
        private readonly ISerialPort _port;
        private readonly object _gate;
        private readonly ImageStore _store;
        private readonly IModelActivator _activator;
        private readonly IInjectionPort _injection;
        private readonly ReportWriter _report;
        private readonly IClock _clock;
        private readonly FaultMonitor _faults;
        private readonly FrameDecoder _decoder = new FrameDecoder(UpdateProtocol.MaxFrame);
        private readonly byte[] _in = new byte[256];
        private readonly byte[] _answer = new byte[UpdateProtocol.MaxFrame + 2];
        private readonly byte[] _wire = new byte[Cobs.MaxEncodedLength(UpdateProtocol.MaxFrame + 2) + 2];
        private readonly byte[] _image;
        private int _lastWireLength;
        private int _lastType = -1;
        private int _lastSeq = -1;

        /// <summary>
        /// A service on <paramref name="port"/>; <paramref name="gate"/> serialises writes with the report lines. A request
        /// that throws is answered with <see cref="UpdateProtocol.DeviceFault"/> and recorded in <paramref name="faults"/>.
        /// </summary>
        public UpdateService(ISerialPort port, object gate, ImageStore store, IModelActivator activator, IInjectionPort injection, ReportWriter report, IClock clock, FaultMonitor faults)
        {
            _faults = faults;
            _port = port;
            _gate = gate;
            _store = store;
            _activator = activator;
            _injection = injection;
            _report = report;
            _clock = clock;
            _image = new byte[store.Capacity];
        }

        /// <summary>Requests answered.</summary>
        public long Requests { get; private set; }

        /// <summary>Frames dropped as damaged.</summary>
        public int DroppedFrames
        {
            get { return _decoder.Dropped; }
        }

        /// <summary>Reads what arrived on the port and answers every complete request; returns the requests handled.</summary>
        public int Poll()
        {
            int handled = 0;
            int n;
            while ((n = _port.Read(_in, 0, _in.Length)) > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    int length = _decoder.Push(_in[i]);
                    if (length == 0) continue;
                    Handle(_decoder.Frame, length - 2);
                    handled++;
                }
            }

            return handled;
        }

        private void Handle(byte[] frame, int length)
        {
            int type = frame[0];
            int seq = frame[1];
            if (type == _lastType && seq == _lastSeq)
            {
                Send(_lastWireLength); // a retry: the same answer, the work is not redone
                return;
            }

            UpdateProtocol.Start(_answer, (byte)(type | UpdateProtocol.AnswerFlag), (byte)seq);
            int answer;
            try
            {
                switch (type)
                {
                    case UpdateProtocol.Hello: answer = Hello(); break;
                    case UpdateProtocol.Begin: answer = Begin(frame, length); break;
                    case UpdateProtocol.Chunk: answer = Chunk(frame, length); break;
                    case UpdateProtocol.Read: answer = ReadBack(frame, length); break;
                    case UpdateProtocol.Commit: answer = Commit(); break;
                    case UpdateProtocol.Abort:
                        _store.DiscardStaging();
                        answer = Result(UpdateProtocol.Ok);
                        break;
                    case UpdateProtocol.Rollback: answer = Rollback(); break;
                    case UpdateProtocol.Status: answer = Text(UpdateProtocol.Ok, _activator.StatusText()); break;
                    case UpdateProtocol.Provision: answer = Provision(frame, length); break;
                    case UpdateProtocol.Inject: answer = Inject(frame, length); break;
                    case UpdateProtocol.Session: answer = Session(frame, length); break;
                    default: answer = Text(UpdateProtocol.Unknown, "unknown request type " + type); break;
                }
            }
            catch (Exception e)
            {
                // Nothing is cached: the host's retry of this request does the work again.
                _faults.Record("update", e);
                Send(UpdateProtocol.Seal(_answer, Text(UpdateProtocol.DeviceFault, e.GetType().Name + ": " + e.Message), _wire));
                return;
            }

            _lastType = type;
            _lastSeq = seq;
            _lastWireLength = UpdateProtocol.Seal(_answer, answer, _wire);
            Send(_lastWireLength);
            Requests++;
        }

        private int Hello()
        {
            int n = Result(UpdateProtocol.Ok);
            _answer[n++] = UpdateProtocol.Version;
            _answer[n++] = (byte)(UpdateProtocol.MaxChunk >> 8);
            _answer[n++] = (byte)(UpdateProtocol.MaxChunk & 0xFF);
            BigEndian.PutU32(_answer, n, (uint)_store.Capacity);
            BigEndian.PutU32(_answer, n + 4, _activator.ActiveModelId);
            BigEndian.PutU32(_answer, n + 8, _activator.ConfigId);
            BigEndian.PutU32(_answer, n + 12, (uint)_store.StagedLength);
            n += 16;
            _answer[n++] = _activator.HasKey ? (byte)1 : (byte)0;
            _answer[n++] = _store.HasPrevious ? (byte)1 : (byte)0;
            return n;
        }

        private int Begin(byte[] frame, int length)
        {
            if (length != 2 + 8) return Text(UpdateProtocol.BadFrame, "BEGIN takes length and CRC-32");
            int total = (int)BigEndian.GetU32(frame, 2);
            uint crc = BigEndian.GetU32(frame, 6);
            if (total <= 0 || total > _store.Capacity) return Text(UpdateProtocol.TooLarge, "image of " + total + " bytes; the device stores up to " + _store.Capacity);
            if (!_store.StagingMatches(total, crc)) _store.StartStaging(total, crc);
            int n = Result(UpdateProtocol.Ok);
            BigEndian.PutU32(_answer, n, (uint)_store.StagedLength);
            return n + 4;
        }

        private int Chunk(byte[] frame, int length)
        {
            if (length < 2 + 4 + 1) return Text(UpdateProtocol.BadFrame, "CHUNK takes an offset and data");
            int target = _store.StagingTarget;
            if (target == 0) return Text(UpdateProtocol.BadState, "no upload in progress (send BEGIN)");
            int offset = (int)BigEndian.GetU32(frame, 2);
            int count = length - 6;
            int staged = _store.StagedLength;
            if (offset != staged)
            {
                int m = Result(UpdateProtocol.BadOffset);
                BigEndian.PutU32(_answer, m, (uint)staged);
                return m + 4;
            }

            if (offset + count > target) return Text(UpdateProtocol.TooLarge, "data beyond the announced " + target + " bytes");
            _store.AppendStaging(frame, 6, count);
            int n = Result(UpdateProtocol.Ok);
            BigEndian.PutU32(_answer, n, (uint)_store.StagedLength);
            return n + 4;
        }

        private int ReadBack(byte[] frame, int length)
        {
            if (length != 2 + 6) return Text(UpdateProtocol.BadFrame, "READ takes offset and count");
            int offset = (int)BigEndian.GetU32(frame, 2);
            int count = (frame[6] << 8) | frame[7];
            if (count > UpdateProtocol.MaxChunk) count = UpdateProtocol.MaxChunk;
            int n = Result(UpdateProtocol.Ok);
            int got = offset < _store.StagedLength ? _store.ReadStaging(offset, _answer, n, count) : 0;
            return n + got;
        }

        private int Commit()
        {
            int target = _store.StagingTarget;
            int staged = _store.StagedLength;
            if (target == 0 || staged != target) return Text(UpdateProtocol.BadState, "upload incomplete: " + staged + " of " + target + " bytes");
            int length = _store.ReadStaging(0, _image, 0, staged);
            if (length != target || Crc32.Compute(_image, 0, length) != _store.StagingCrc)
            {
                return Text(UpdateProtocol.VerifyFailed, "the staged image does not match the CRC-32 announced by BEGIN");
            }

            int result = _activator.Activate(_image, length);
            if (result != UpdateProtocol.Ok) return Text((byte)result, _activator.Reason);
            try
            {
                _store.PromoteStaging();
            }
            catch (Exception e)
            {
                return Text(UpdateProtocol.StoreError, "the FPGA runs the new model but storing it failed: " + e.Message);
            }

            _report.Write("UPDATE", _clock.Microseconds / 1000, "committed model=" + _activator.ActiveModelId.ToString("x8"));
            int n = Result(UpdateProtocol.Ok);
            BigEndian.PutU32(_answer, n, _activator.ActiveModelId);
            return n + 4;
        }

        private int Rollback()
        {
            int length = _store.ReadPrevious(_image);
            if (length == 0) return Text(UpdateProtocol.NoPrevious, "no previous model stored");
            int result = _activator.Activate(_image, length);
            if (result != UpdateProtocol.Ok) return Text((byte)result, _activator.Reason);
            _store.Rollback();
            _report.Write("UPDATE", _clock.Microseconds / 1000, "rolled back model=" + _activator.ActiveModelId.ToString("x8"));
            int n = Result(UpdateProtocol.Ok);
            BigEndian.PutU32(_answer, n, _activator.ActiveModelId);
            return n + 4;
        }

        private int Provision(byte[] frame, int length)
        {
            int keyLength = length - 2;
            if (keyLength < 16 || keyLength > 64) return Text(UpdateProtocol.BadFrame, "a device key is 16..64 bytes");
            if (!_activator.Provision(frame, 2, keyLength)) return Text(UpdateProtocol.BadState, "a device key is provisioned already; keys are set once");
            _report.Write("UPDATE", _clock.Microseconds / 1000, "key provisioned");
            return Result(UpdateProtocol.Ok);
        }

        private int Inject(byte[] frame, int length)
        {
            int count = (length - 2) / UpdateProtocol.InjectedFrameLength;
            if (count * UpdateProtocol.InjectedFrameLength != length - 2) return Text(UpdateProtocol.BadFrame, "INJECT takes whole 13-byte frames");
            int accepted = _injection.Inject(frame, 2, count);
            if (accepted < 0) return Text(UpdateProtocol.BadState, "INJECT needs a HIL session: SESSION for a challenge, then SESSION with its proof under the device key");
            int n = Result(UpdateProtocol.Ok);
            _answer[n++] = (byte)accepted;
            int max = (UpdateProtocol.MaxFrame - n - 1 - 2) / UpdateProtocol.InjectedVerdictLength; // room for the count and the CRC
            int verdicts = _injection.TakeVerdicts(_answer, n + 1, max);
            _answer[n] = (byte)verdicts;
            return n + 1 + UpdateProtocol.InjectedVerdictLength * verdicts;
        }

        private int Session(byte[] frame, int length)
        {
            int n = length - 2;
            if (n == 0)
            {
                int m = Result(UpdateProtocol.Ok);
                if (!_injection.Challenge(_answer, m)) return Text(UpdateProtocol.BadState, "no device key provisioned");
                return m + HilSession.NonceLength;
            }

            if (n != HilSession.ProofLength) return Text(UpdateProtocol.BadFrame, "SESSION takes nothing (a challenge) or a 32-byte proof");
            if (!_injection.OpenSession(frame, 2))
            {
                return Text(UpdateProtocol.VerifyFailed, "the proof does not verify: HMAC-SHA256 under the device key over the last challenge, which is now used up");
            }

            _report.Write("UPDATE", _clock.Microseconds / 1000, "hil session opened");
            return Result(UpdateProtocol.Ok);
        }

        private int Result(byte code)
        {
            _answer[2] = code;
            return 3;
        }

        private int Text(byte code, string text)
        {
            int n = Result(code);
            for (int i = 0; i < text.Length && n < UpdateProtocol.MaxFrame - 2; i++) _answer[n++] = (byte)(text[i] < 0x80 ? text[i] : '?');
            return n;
        }

        private void Send(int length)
        {
            lock (_gate)
            {
                _port.Write(_wire, 0, length);
            }
        }
    }
}
