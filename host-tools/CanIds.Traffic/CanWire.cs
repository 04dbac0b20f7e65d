namespace CanIds.Traffic
{
    /// <summary>A classic CAN frame on the wire: how many bit times it takes, bit stuffing included.</summary>
    public static class CanWire
    {
        /// <summary>
        /// Bits a classic frame occupies: SOF, arbitration and control fields and data with their stuff bits counted
        /// exactly, then CRC (one stuff bit assumed), delimiters, ACK, EOF and 3 bits of interframe space.
        /// </summary>
        public static int Bits(in CanRecord record)
        {
            // Arbitration field after SOF: standard ID(11) RTR; extended base(11) SRR IDE ext(18) RTR.
            int arbitrationBits = record.IsExtended ? 32 : 12;
            ulong arbitration = record.IsExtended
                ? ((ulong)(record.Id >> 18) << 21) | (1UL << 20) | (1UL << 19) | ((ulong)(record.Id & 0x3FFFF) << 1) | (record.IsRemote ? 1UL : 0)
                : ((ulong)record.Id << 1) | (record.IsRemote ? 1UL : 0);
            const int controlBits = 6; // IDE/r1, r0, DLC(4)
            int dataBits = record.IsRemote ? 0 : record.Length * 8;
            int stuffed = 1 + arbitrationBits + controlBits + dataBits;
            System.ReadOnlySpan<byte> data = record.Data;
            int previous = 0, run = 1, stuff = 0; // SOF: one dominant (0) bit
            for (int p = 0; p < stuffed - 1; p++)
            {
                int bit;
                if (p < arbitrationBits) bit = (int)(arbitration >> (arbitrationBits - 1 - p)) & 1;
                else if (p < arbitrationBits + controlBits) bit = p - arbitrationBits < 2 ? 0 : (record.Length >> (5 - (p - arbitrationBits))) & 1;
                else bit = (data[(p - arbitrationBits - controlBits) >> 3] >> (7 - ((p - arbitrationBits - controlBits) & 7))) & 1;

                if (bit != previous)
                {
                    previous = bit;
                    run = 1;
                }
                else if (++run == 5)
                {
                    stuff++; // a bit of the opposite level follows five equal bits and starts a new run
                    previous ^= 1;
                    run = 1;
                }
            }

            return stuffed + stuff + 15 + 1 + 1 + 2 + 7 + 3;
        }
    }
}
