using System;
using System.IO;
using System.Text;

namespace CanIds.Traffic.Formats
{
    /// <summary>Buffered ASCII output with the few number formats text logs need; allocates nothing per call.</summary>
    internal sealed class AsciiWriter : IDisposable
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _used;

        public AsciiWriter(Stream stream) => _stream = stream;

        public void Text(ReadOnlySpan<byte> ascii) => Bytes(ascii);

        /// <summary>Raw bytes (binary formats).</summary>
        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > _buffer.Length)
            {
                Flush();
                _stream.Write(bytes);
                return;
            }

            Reserve(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        public void Text(string text)
        {
            Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
        }

        public void Char(char c)
        {
            Reserve(1);
            _buffer[_used++] = (byte)c;
        }

        public void Spaces(int count)
        {
            Reserve(count);
            _buffer.AsSpan(_used, count).Fill((byte)' ');
            _used += count;
        }

        /// <summary><paramref name="value"/> in hex, zero-padded to at least <paramref name="digits"/> digits.</summary>
        public void Hex(uint value, int digits, bool upper)
        {
            int needed = Math.Max(digits, (35 - System.Numerics.BitOperations.LeadingZeroCount(value | 1)) / 4);
            Reserve(needed);
            var alphabet = upper ? "0123456789ABCDEF"u8 : "0123456789abcdef"u8;
            for (int i = needed - 1; i >= 0; i--)
            {
                _buffer[_used + i] = alphabet[(int)(value & 0xF)];
                value >>= 4;
            }

            _used += needed;
        }

        public void Decimal(long value)
        {
            Reserve(20);
            value.TryFormat(_buffer.AsSpan(_used), out int written);
            _used += written;
        }

        /// <summary>Microseconds as seconds with 6 decimals ("1478198376.389427").</summary>
        public void Seconds(long micros)
        {
            Decimal(micros / 1_000_000);
            Char('.');
            Reserve(6);
            long fraction = micros % 1_000_000;
            for (int i = 5; i >= 0; i--)
            {
                _buffer[_used + i] = (byte)('0' + fraction % 10);
                fraction /= 10;
            }

            _used += 6;
        }

        public void NewLine() => Char('\n');

        public void Flush()
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }

        public void Dispose()
        {
            Flush();
            _stream.Dispose();
        }

        private void Reserve(int count)
        {
            if (_used + count > _buffer.Length) Flush();
            if (count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        }
    }
}
