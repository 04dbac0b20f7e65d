namespace CanIds.Core.Update
{
    /// <summary>
    /// Collects serial bytes into frames: bytes up to each 0x00 are one COBS-encoded frame, decoded and CRC-checked.
    /// Overlong or damaged frames are counted and dropped; the next 0x00 resynchronises. Allocates nothing per byte.
    /// </summary>
    public sealed class FrameDecoder
    {
        private readonly byte[] _buffer;
        private int _fill;
        private bool _overflow;

        /// <summary>A decoder for frames of at most <paramref name="maxFrame"/> decoded bytes.</summary>
        public FrameDecoder(int maxFrame)
        {
            _buffer = new byte[Cobs.MaxEncodedLength(maxFrame) + 1];
        }

        /// <summary>The last complete frame (valid after <see cref="Push"/> returned a length).</summary>
        public byte[] Frame
        {
            get { return _buffer; }
        }

        /// <summary>Frames dropped for a bad encoding, a bad CRC or their length.</summary>
        public int Dropped { get; private set; }

        /// <summary>
        /// Takes one byte; returns the length of a complete, checked frame now in <see cref="Frame"/> (type, seq,
        /// payload, CRC), or 0.
        /// </summary>
        public int Push(byte b)
        {
            if (b != 0)
            {
                if (_fill < _buffer.Length) _buffer[_fill++] = b;
                else _overflow = true;
                return 0;
            }

            int encoded = _fill;
            bool overflow = _overflow;
            _fill = 0;
            _overflow = false;
            if (encoded == 0) return 0; // idle delimiters
            int n = overflow ? -1 : Cobs.Decode(_buffer, 0, encoded, _buffer, 0);
            if (n < 0 || !UpdateProtocol.Check(_buffer, n))
            {
                Dropped++;
                return 0;
            }

            return n;
        }
    }
}
