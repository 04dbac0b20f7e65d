namespace CanIds.Core
{
    /// <summary>
    /// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, not reflected, no final XOR; check value 0x29B1):
    /// guards every SPI link transfer and every serial update frame.
    /// </summary>
    public static class Crc16Ccitt
    {
        /// <summary>The register's value before any byte.</summary>
        public const ushort Initial = 0xFFFF;

        private static readonly ushort[] Table = BuildTable();

        /// <summary>The CRC of <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            return Update(Initial, data, offset, count);
        }

        /// <summary>Continues <paramref name="crc"/> over more bytes (for data that arrives in pieces).</summary>
        public static ushort Update(ushort crc, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ data[i]) & 0xFF]);
            }

            return crc;
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int c = n << 8;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
                }

                table[n] = (ushort)c;
            }

            return table;
        }
    }
}
