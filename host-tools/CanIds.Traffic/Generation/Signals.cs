using System;

namespace CanIds.Traffic.Generation
{
    /// <summary>Byte-level helpers ECU payload encoders share.</summary>
    internal static class Signals
    {
        /// <summary>Writes a little-endian 16-bit value.</summary>
        public static void Le16(Span<byte> data, int at, int value)
        {
            data[at] = (byte)value;
            data[at + 1] = (byte)(value >> 8);
        }

        /// <summary>The XOR of the first <paramref name="count"/> bytes, as many ECUs protect a frame.</summary>
        public static byte XorChecksum(ReadOnlySpan<byte> data, int count)
        {
            byte x = 0;
            for (int i = 0; i < count; i++) x ^= data[i];
            return x;
        }
    }
}
