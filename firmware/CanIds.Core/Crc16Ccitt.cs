namespace CanIds.Core
{
    /// <summary>
    /// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, not reflected, no final XOR; check value 0x29B1):
    /// guards every SPI link transfer and every serial update frame.
    /// </summary>
    /// <remarks>
    /// The firmware computes it over every frame record it sends, in an interpreter where each IL instruction costs
    /// nanoseconds, so it takes four bytes per step ("slicing by 4"): the register XOR the next two bytes selects two
    /// table entries, and the two bytes after them select two more, each table advancing its byte past the bytes that
    /// follow it. On nanoCLR this is about twice as fast per byte as the classic one-table loop (canids bench, suite
    /// firmware); the result is the same CRC.
    /// </remarks>
    public static class Crc16Ccitt
    {
        /// <summary>The register's value before any byte.</summary>
        public const ushort Initial = 0xFFFF;

        /// <summary>The generator polynomial, MSB first (x^16 + x^12 + x^5 + 1).</summary>
        public const ushort Polynomial = 0x1021;

        // T0[n]: the register after byte n from register 0; Tk[n]: the same followed by k zero bytes.
        private static readonly ushort[] T0 = BuildTable();
        private static readonly ushort[] T1 = Advance(T0);
        private static readonly ushort[] T2 = Advance(T1);
        private static readonly ushort[] T3 = Advance(T2);

        /// <summary>The CRC of <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            return Update(Initial, data, offset, count);
        }

        /// <summary>Continues <paramref name="crc"/> over more bytes (for data that arrives in pieces).</summary>
        public static ushort Update(ushort crc, byte[] data, int offset, int count)
        {
            ushort[] t0 = T0, t1 = T1, t2 = T2, t3 = T3;
            int c = crc;
            int i = offset;
            int quads = offset + (count & ~3);
            while (i < quads)
            {
                int x = c ^ ((data[i] << 8) | data[i + 1]);
                c = t3[x >> 8] ^ t2[x & 0xFF] ^ t1[data[i + 2]] ^ t0[data[i + 3]];
                i += 4;
            }

            int end = offset + count;
            while (i < end)
            {
                c = ((c << 8) ^ t0[((c >> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
                i++;
            }

            return (ushort)c;
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int c = n << 8;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 0x8000) != 0 ? (c << 1) ^ Polynomial : c << 1;
                }

                table[n] = (ushort)c;
            }

            return table;
        }

        // The table of the same bytes followed by one more zero byte.
        private static ushort[] Advance(ushort[] previous)
        {
            ushort[] table = new ushort[256];
            for (int n = 0; n < 256; n++)
            {
                int c = previous[n];
                table[n] = (ushort)(((c << 8) ^ T0[c >> 8]) & 0xFFFF);
            }

            return table;
        }
    }
}
