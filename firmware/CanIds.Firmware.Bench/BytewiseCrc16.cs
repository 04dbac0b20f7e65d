namespace CanIds.Firmware.Bench
{
    /// <summary>
    /// CRC-16/CCITT-FALSE the classic way, one table lookup per byte: the baseline the benchmark compares the shared
    /// core's four-bytes-per-step <see cref="Core.Crc16Ccitt"/> with. Same CRC, kept only for that comparison.
    /// </summary>
    public static class BytewiseCrc16
    {
        private static readonly ushort[] Table = Build();

        /// <summary>The CRC of <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            int crc = 0xFFFF;
            ushort[] t = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++) crc = ((crc << 8) ^ t[((crc >> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
            return (ushort)crc;
        }

        private static ushort[] Build()
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int c = n << 8;
                for (int k = 0; k < 8; k++) c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
                table[n] = (ushort)c;
            }

            return table;
        }
    }
}
