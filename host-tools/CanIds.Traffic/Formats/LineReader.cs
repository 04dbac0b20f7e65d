using System;
using System.IO;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// Splits a stream into lines of bytes without allocating per line: a 1 MiB buffer, a vectorised newline search,
    /// '\r\n' and '\n' endings, a UTF-8 BOM skipped. Refuses UTF-16 and UTF-32 text up front.
    /// </summary>
    internal sealed class LineReader : IDisposable
    {
        private const int BufferSize = 1 << 20;
        private readonly Stream _stream;
        private readonly string _path;
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;
        private bool _eof;

        public LineReader(Stream stream, string path)
        {
            _stream = stream;
            _path = path;
            Fill();
            ReadOnlySpan<byte> head = _buffer.AsSpan(0, _end);
            if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) _start = 3;
            else if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
                throw new CanLogFormatException(path, 0, "encoding", "UTF-16/32 text (byte-order mark); expected ASCII or UTF-8 text");
        }

        /// <summary>1-based number of the line last returned.</summary>
        public long LineNumber { get; private set; }

        /// <summary>Bytes consumed so far (for progress).</summary>
        public long Position { get; private set; }

        /// <summary>True when the last line returned had no line ending (the file's tail).</summary>
        public bool LastLineUnterminated { get; private set; }

        /// <summary>True when the last line returned holds NUL bytes (binary data, not text).</summary>
        public bool LastLineHadNul => _buffer.AsSpan(_lastStart, _lastLength).IndexOf((byte)0) >= 0;

        private int _lastStart;
        private int _lastLength;

        public bool TryReadLine(out ReadOnlySpan<byte> line)
        {
            while (true)
            {
                ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
                int newline = pending.IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line = pending[..newline];
                    if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
                    _lastStart = _start;
                    _lastLength = line.Length;
                    _start += newline + 1;
                    Position += newline + 1;
                    LineNumber++;
                    return true;
                }

                if (_eof)
                {
                    line = pending;
                    _lastStart = _start;
                    _lastLength = pending.Length;
                    _start = _end;
                    Position += pending.Length;
                    if (pending.IsEmpty) return false;
                    if (line[^1] == (byte)'\r') line = line[..^1];
                    LineNumber++;
                    LastLineUnterminated = true;
                    return true;
                }

                if (_start == 0 && _end == _buffer.Length)
                    throw new CanLogFormatException(_path, LineNumber + 1, "line", $"longer than {BufferSize} bytes; not a text log");

                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
                Fill();
            }
        }

        private void Fill()
        {
            while (_end < _buffer.Length)
            {
                int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
                if (n == 0)
                {
                    _eof = true;
                    return;
                }

                _end += n;
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
