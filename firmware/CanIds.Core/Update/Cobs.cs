namespace CanIds.Core.Update
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999): a frame without any zero byte, so 0x00 can
    /// delimit frames on a serial line and a receiver resynchronises at the next zero after any damage.
    /// </summary>
    public static class Cobs
    {
        /// <summary>Bytes an encoding of <paramref name="length"/> bytes can take (without the delimiter).</summary>
        public static int MaxEncodedLength(int length)
        {
            return length + length / 254 + 1;
        }

        /// <summary>Encodes <paramref name="count"/> bytes at <paramref name="offset"/> into <paramref name="output"/> at <paramref name="outOffset"/>; returns the encoded length.</summary>
        public static int Encode(byte[] input, int offset, int count, byte[] output, int outOffset)
        {
            int code = outOffset;
            int o = outOffset + 1;
            byte run = 1;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (input[i] == 0)
                {
                    output[code] = run;
                    code = o++;
                    run = 1;
                    continue;
                }

                output[o++] = input[i];
                if (++run == 0xFF)
                {
                    output[code] = run;
                    code = o++;
                    run = 1;
                }
            }

            output[code] = run;
            return o - outOffset;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> bytes at <paramref name="offset"/> (no delimiter) into <paramref name="output"/>
        /// at <paramref name="outOffset"/>; returns the decoded length, or −1 when the input is not a valid encoding.
        /// Decoding in place (same buffer and offset) is allowed.
        /// </summary>
        public static int Decode(byte[] input, int offset, int count, byte[] output, int outOffset)
        {
            int i = offset;
            int end = offset + count;
            int o = outOffset;
            while (i < end)
            {
                int code = input[i++];
                if (code == 0 || i + code - 1 > end) return -1;
                for (int k = 1; k < code; k++)
                {
                    byte b = input[i++];
                    if (b == 0) return -1;
                    output[o++] = b;
                }

                if (code != 0xFF && i < end) output[o++] = 0;
            }

            return o - outOffset;
        }
    }
}
