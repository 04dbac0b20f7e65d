using System;
using System.Collections.Generic;
using System.Text;
using CanIds.Core.Update;

namespace CanIds.Device
{
    /// <summary>
    /// Splits what a device sends on its one UART into update-protocol answers (COBS frames between 0x00 delimiters
    /// with a valid CRC) and report lines (ASCII text, "\r\n"-terminated), which the firmware interleaves whole.
    /// </summary>
    public sealed class LineDemultiplexer
    {
        private readonly List<byte> _pending = new();
        private readonly StringBuilder _text = new();

        /// <summary>Complete answers (type, seq, payload; CRC removed).</summary>
        public Queue<byte[]> Frames { get; } = new();

        /// <summary>Complete report lines.</summary>
        public Queue<string> Lines { get; } = new();

        /// <summary>Takes bytes as they arrive.</summary>
        public void Push(ReadOnlySpan<byte> bytes)
        {
            foreach (byte b in bytes)
            {
                if (b != 0)
                {
                    _pending.Add(b);
                    continue;
                }

                var chunk = _pending.ToArray();
                _pending.Clear();
                if (chunk.Length == 0) continue;
                // A frame, or report text, or text followed by a frame (the text's last line ends with '\n').
                int split = Array.LastIndexOf(chunk, (byte)'\n') + 1;
                if (TryFrame(chunk.AsSpan(split)))
                {
                    Text(chunk.AsSpan(0, split));
                    continue;
                }

                if (split > 0 && TryFrame(chunk)) continue;
                Text(chunk);
            }

            // Text without a frame after it: lines can be complete already.
            if (_pending.Count > 0 && _pending.Contains((byte)'\n'))
            {
                int last = _pending.LastIndexOf((byte)'\n');
                Text(_pending.GetRange(0, last + 1).ToArray());
                _pending.RemoveRange(0, last + 1);
            }
        }

        private bool TryFrame(ReadOnlySpan<byte> chunk)
        {
            if (chunk.Length < 5) return false;
            var encoded = chunk.ToArray();
            var decoded = new byte[encoded.Length];
            int n = Cobs.Decode(encoded, 0, encoded.Length, decoded, 0);
            if (n < 4 || !UpdateProtocol.Check(decoded, n)) return false;
            Frames.Enqueue(decoded.AsSpan(0, n - 2).ToArray());
            return true;
        }

        private void Text(ReadOnlySpan<byte> chunk)
        {
            foreach (byte b in chunk)
            {
                if (b == (byte)'\n')
                {
                    var line = _text.ToString().TrimEnd('\r');
                    _text.Clear();
                    if (line.Length > 0) Lines.Enqueue(line);
                }
                else if (b >= 0x20 && b < 0x7F)
                {
                    _text.Append((char)b);
                }
            }
        }
    }
}
