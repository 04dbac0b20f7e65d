using System;
using System.Collections.Generic;
using System.Diagnostics;
using CanIds.Core;
using CanIds.Core.Update;

namespace CanIds.Device
{
    /// <summary>What a device says about itself (the HELLO answer).</summary>
    public sealed record DeviceInfo(int ProtocolVersion, int MaxChunk, int Capacity, uint ActiveModelId, uint ConfigId, int Staged, bool KeyProvisioned, bool HasPrevious);

    /// <summary>A request the device refused; <see cref="Code"/> is the protocol's result code.</summary>
    public sealed class DeviceRefusedException(string request, int code, string text)
        : Exception($"{request}: the device refused ({UpdateProtocol.ResultName(code)}){(text.Length > 0 ? ": " + text : "")}")
    {
        /// <summary>The result code (UpdateProtocol).</summary>
        public int Code { get; } = code;
    }

    /// <summary>A verdict the device returned for an injected frame's window, with the time it took on the device (µs, saturating at 65,535).</summary>
    public readonly record struct InjectedVerdict(int Tag, int Class, int LatencyUs);

    /// <summary>
    /// The host end of the serial update protocol (docs/update-protocol.md): upload a weight image in acknowledged,
    /// CRC-checked chunks (resuming where the device stopped), read it back to verify it, commit it, roll back, and
    /// inject frames into the detection path for HIL replay. Every request is resent with the same sequence number
    /// until answered, so a lost frame costs a retry, never a repeated action.
    /// </summary>
    public sealed class DeviceClient
    {
        private readonly SerialLine _line;
        private readonly TimeSpan _timeout;
        private readonly int _attempts;
        private readonly LineDemultiplexer _demux = new();
        private readonly byte[] _frame = new byte[UpdateProtocol.MaxFrame + 2];
        private readonly byte[] _wire = new byte[Cobs.MaxEncodedLength(UpdateProtocol.MaxFrame + 2) + 2];
        private readonly byte[] _read = new byte[4096];
        private byte _seq;

        /// <summary>A client on <paramref name="line"/>, waiting <paramref name="timeout"/> per attempt, <paramref name="attempts"/> attempts per request.</summary>
        public DeviceClient(SerialLine line, TimeSpan timeout, int attempts = 5)
        {
            _line = line;
            _timeout = timeout;
            _attempts = attempts;
            _seq = (byte)Random.Shared.Next(256);
        }

        /// <summary>Called with every report line the device sends meanwhile.</summary>
        public Action<string>? ReportLine { get; set; }

        /// <summary>Requests sent again after a timeout.</summary>
        public int Retries { get; private set; }

        /// <summary>Asks who is there.</summary>
        public DeviceInfo Hello()
        {
            var a = Send(UpdateProtocol.Hello, []);
            return new DeviceInfo(a[0], (a[1] << 8) | a[2], (int)Be(a, 3), Be(a, 7), Be(a, 11), (int)Be(a, 15), a[19] == 1, a[20] == 1);
        }

        /// <summary>
        /// Uploads <paramref name="image"/>: BEGIN (the device answers where to continue: 0, or further when this very
        /// image was partly sent before), then chunks. <paramref name="progress"/> gets bytes done of the total.
        /// </summary>
        public void Upload(byte[] image, int chunk, Action<long, long>? progress = null)
        {
            chunk = Math.Clamp(chunk, 16, UpdateProtocol.MaxChunk);
            var begin = new byte[8];
            BigEndian.PutU32(begin, 0, (uint)image.Length);
            BigEndian.PutU32(begin, 4, Crc32.Compute(image, 0, image.Length));
            int at = (int)Be(Send(UpdateProtocol.Begin, begin), 0);
            while (at < image.Length)
            {
                progress?.Invoke(at, image.Length);
                int n = Math.Min(chunk, image.Length - at);
                var payload = new byte[4 + n];
                BigEndian.PutU32(payload, 0, (uint)at);
                image.AsSpan(at, n).CopyTo(payload.AsSpan(4));
                try
                {
                    at = (int)Be(Send(UpdateProtocol.Chunk, payload), 0);
                }
                catch (DeviceRefusedException e) when (e.Code == UpdateProtocol.BadOffset)
                {
                    at = (int)Be(_lastAnswer, 0); // the device says where it is: continue from there
                }
            }

            progress?.Invoke(image.Length, image.Length);
        }

        /// <summary>Reads the staged image back and compares it with <paramref name="image"/>; throws on any difference.</summary>
        public void VerifyReadBack(byte[] image, Action<long, long>? progress = null)
        {
            for (int at = 0; at < image.Length;)
            {
                int n = Math.Min(UpdateProtocol.MaxChunk, image.Length - at);
                var request = new byte[6];
                BigEndian.PutU32(request, 0, (uint)at);
                request[4] = (byte)(n >> 8);
                request[5] = (byte)n;
                var data = Send(UpdateProtocol.Read, request);
                if (data.Length != n) throw new InvalidOperationException($"read-back at {at}: the device returned {data.Length} bytes, expected {n}");
                for (int i = 0; i < n; i++)
                {
                    if (data[i] != image[at + i]) throw new InvalidOperationException($"read-back differs at byte {at + i}: device {data[i]:x2}, image {image[at + i]:x2}");
                }

                at += n;
                progress?.Invoke(at, image.Length);
            }
        }

        /// <summary>Has the device verify the staged image and make it the active model; returns its model id.</summary>
        public uint Commit() => Be(Send(UpdateProtocol.Commit, [], TimeSpan.FromSeconds(30)), 0);

        /// <summary>Has the device go back to its previous model; returns that model's id.</summary>
        public uint Rollback() => Be(Send(UpdateProtocol.Rollback, [], TimeSpan.FromSeconds(30)), 0);

        /// <summary>Drops the staged upload.</summary>
        public void Abort() => Send(UpdateProtocol.Abort, []);

        /// <summary>The device's status text.</summary>
        public string Status() => System.Text.Encoding.ASCII.GetString(Send(UpdateProtocol.Status, []));

        /// <summary>Stores the device key (accepted once per device).</summary>
        public void Provision(byte[] key) => Send(UpdateProtocol.Provision, key);

        /// <summary>
        /// Opens the HIL session that INJECT needs: asks the device for a challenge and answers it with HMAC-SHA256 under
        /// <paramref name="key"/> (the device key). Refused (verify-failed) with any other key.
        /// </summary>
        public void OpenSession(byte[] key)
        {
            var nonce = Send(UpdateProtocol.Session, []);
            if (nonce.Length != HilSession.NonceLength) throw new InvalidOperationException($"SESSION: the device sent a {nonce.Length}-byte challenge, expected {HilSession.NonceLength}");
            var proof = new byte[HilSession.ProofLength];
            HilSession.Prove(key, nonce, 0, proof, 0);
            Send(UpdateProtocol.Session, proof);
        }

        /// <summary>
        /// Injects <paramref name="frames"/> (at most UpdateProtocol.MaxInjectFrames) as if received on the device's CAN
        /// bus; returns how many its receive queue accepted and adds the verdicts that arrived meanwhile to
        /// <paramref name="verdicts"/> (an empty batch only collects verdicts).
        /// </summary>
        public int Inject(ReadOnlySpan<CanFrame> frames, List<InjectedVerdict> verdicts)
        {
            if (frames.Length > UpdateProtocol.MaxInjectFrames)
                throw new ArgumentException($"at most {UpdateProtocol.MaxInjectFrames} frames per INJECT, got {frames.Length}", nameof(frames));
            var payload = new byte[frames.Length * UpdateProtocol.InjectedFrameLength];
            for (int i = 0; i < frames.Length; i++)
            {
                var f = frames[i];
                int p = i * UpdateProtocol.InjectedFrameLength;
                uint word = f.Id | (f.IsExtended ? 0x80000000u : 0) | (f.IsRemote ? 0x40000000u : 0);
                BigEndian.PutU32(payload, p, word);
                payload[p + 4] = (byte)f.Dlc;
                f.Data.AsSpan(0, 8).CopyTo(payload.AsSpan(p + 5));
            }

            var a = Send(UpdateProtocol.Inject, payload);
            const int size = UpdateProtocol.InjectedVerdictLength;
            if (a.Length < 2 || a.Length != 2 + size * a[1]) throw new InvalidOperationException($"INJECT answer of {a.Length} bytes is malformed");
            for (int v = 0, p = 2; v < a[1]; v++, p += size) verdicts.Add(new InjectedVerdict((a[p] << 8) | a[p + 1], a[p + 2], (a[p + 3] << 8) | a[p + 4]));
            return a[0];
        }

        private byte[] _lastAnswer = [];

        /// <summary>
        /// Sends one request of <paramref name="type"/> (resent until answered) and returns the answer's payload after
        /// the result code; throws <see cref="DeviceRefusedException"/> when the result is not Ok.
        /// </summary>
        public byte[] Send(byte type, ReadOnlySpan<byte> payload, TimeSpan? timeout = null)
        {
            _seq++;
            UpdateProtocol.Start(_frame, type, _seq);
            payload.CopyTo(_frame.AsSpan(2));
            int wire = UpdateProtocol.Seal(_frame, 2 + payload.Length, _wire);
            for (int attempt = 0; attempt < _attempts; attempt++)
            {
                if (attempt > 0) Retries++;
                _line.Write(_wire, 0, wire);
                var answer = Await((byte)(type | UpdateProtocol.AnswerFlag), _seq, timeout ?? _timeout);
                if (answer == null) continue;
                _lastAnswer = answer.AsSpan(3).ToArray();
                if (answer[2] != UpdateProtocol.Ok)
                    throw new DeviceRefusedException(Name(type), answer[2], answer[2] == UpdateProtocol.BadOffset ? "" : System.Text.Encoding.ASCII.GetString(_lastAnswer));
                return _lastAnswer;
            }

            throw new TimeoutException($"{Name(type)}: no answer from {_line.Name} after {_attempts} attempts");
        }

        private byte[]? Await(byte type, byte seq, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                while (_demux.Frames.Count > 0)
                {
                    var f = _demux.Frames.Dequeue();
                    if (f.Length >= 3 && f[0] == type && f[1] == seq) return f;
                }

                int n = _line.ReadWait(_read, 0, _read.Length);
                if (n > 0) _demux.Push(_read.AsSpan(0, n));
                while (_demux.Lines.Count > 0)
                {
                    var line = _demux.Lines.Dequeue(); // dequeued even without a listener: ?.Invoke would skip it
                    ReportLine?.Invoke(line);
                }
            }

            return null;
        }

        private static uint Be(byte[] b, int p) => p + 4 <= b.Length ? BigEndian.GetU32(b, p) : throw new InvalidOperationException("answer too short");

        private static string Name(byte type) => type switch
        {
            UpdateProtocol.Hello => "HELLO",
            UpdateProtocol.Begin => "BEGIN",
            UpdateProtocol.Chunk => "CHUNK",
            UpdateProtocol.Read => "READ",
            UpdateProtocol.Commit => "COMMIT",
            UpdateProtocol.Abort => "ABORT",
            UpdateProtocol.Rollback => "ROLLBACK",
            UpdateProtocol.Status => "STATUS",
            UpdateProtocol.Provision => "PROVISION",
            UpdateProtocol.Inject => "INJECT",
            UpdateProtocol.Session => "SESSION",
            _ => $"request 0x{type:x2}",
        };
    }
}
