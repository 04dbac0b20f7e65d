using System;

namespace CanIds.Core.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104), incremental: the authentication tag of weight images. Tested against RFC 4231's vectors.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Bytes of a tag.</summary>
        public const int TagLength = Sha256.HashLength;

        private readonly Sha256 _inner = new Sha256();
        private readonly Sha256 _outer = new Sha256();
        private readonly byte[] _innerPad = new byte[Sha256.BlockLength];
        private readonly byte[] _outerPad = new byte[Sha256.BlockLength];
        private readonly byte[] _innerDigest = new byte[Sha256.HashLength];

        /// <summary>A MAC keyed with <paramref name="key"/> (any length; longer than a block is hashed first).</summary>
        public HmacSha256(byte[] key)
        {
            if (key == null) throw new ArgumentNullException("key");
            byte[] k = key.Length > Sha256.BlockLength ? Sha256.Hash(key, 0, key.Length) : key;
            for (int i = 0; i < Sha256.BlockLength; i++)
            {
                byte b = i < k.Length ? k[i] : (byte)0;
                _innerPad[i] = (byte)(b ^ 0x36);
                _outerPad[i] = (byte)(b ^ 0x5c);
            }

            Reset();
        }

        /// <summary>Starts a new message with the same key.</summary>
        public void Reset()
        {
            _inner.Reset();
            _inner.Update(_innerPad, 0, _innerPad.Length);
        }

        /// <summary>Adds message bytes.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _inner.Update(data, offset, count);
        }

        /// <summary>Writes the 32-byte tag at <paramref name="offset"/> and starts a new message.</summary>
        public void Final(byte[] tag, int offset)
        {
            _inner.Final(_innerDigest, 0);
            _outer.Reset();
            _outer.Update(_outerPad, 0, _outerPad.Length);
            _outer.Update(_innerDigest, 0, _innerDigest.Length);
            _outer.Final(tag, offset);
            Reset();
        }

        /// <summary>True when the 32 bytes of <paramref name="actual"/> at <paramref name="offset"/> equal <paramref name="expected"/>, compared in constant time.</summary>
        public static bool TagsEqual(byte[] expected, byte[] actual, int offset)
        {
            if (offset < 0 || offset + TagLength > actual.Length || expected.Length != TagLength) return false;
            int diff = 0;
            for (int i = 0; i < TagLength; i++) diff |= expected[i] ^ actual[offset + i];
            return diff == 0;
        }
    }
}
