namespace CanIds.Core
{
    /// <summary>
    /// CRC-32 (ISO-HDLC, as zlib and Ethernet: reflected poly 0xEDB88320, init and final XOR 0xFFFFFFFF;
    /// check value 0xCBF43926): guards weight images and weight commits.
    /// </summary>
    public static class Crc32
    {
        /// <summary>The register before any byte, and the final XOR.</summary>
        public const uint Initial = 0xFFFFFFFF;

        /// <summary>The generator polynomial, reflected (LSB first).</summary>
        public const uint Polynomial = 0xEDB88320;

        private static readonly uint[] Table = BuildTable();

        /// <summary>The CRC of <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Update(0, data, offset, count);
        }

        /// <summary>
        /// Continues a finished CRC over more bytes, zlib-style: Update(Compute(a), b) equals the CRC of a then b,
        /// and Update(0, ...) starts afresh.
        /// </summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            uint c = crc ^ Initial;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = Table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            }

            return c ^ Initial;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
