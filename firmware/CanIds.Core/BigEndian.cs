namespace CanIds.Core
{
    /// <summary>
    /// Big-endian integers in byte arrays: the byte order of every format the product defines (weight image, SPI link,
    /// update protocol, image store). Array + offset, so the same code runs on nanoFramework and .NET.
    /// </summary>
    public static class BigEndian
    {
        /// <summary>Writes a big-endian 16-bit value.</summary>
        public static void PutU16(byte[] b, int p, int v)
        {
            b[p] = (byte)(v >> 8);
            b[p + 1] = (byte)v;
        }

        /// <summary>Writes a big-endian 32-bit value.</summary>
        public static void PutU32(byte[] b, int p, uint v)
        {
            b[p] = (byte)(v >> 24);
            b[p + 1] = (byte)(v >> 16);
            b[p + 2] = (byte)(v >> 8);
            b[p + 3] = (byte)v;
        }

        /// <summary>Reads a big-endian 16-bit value.</summary>
        public static int GetU16(byte[] b, int p)
        {
            return (b[p] << 8) | b[p + 1];
        }

        /// <summary>Reads a big-endian 32-bit value.</summary>
        public static uint GetU32(byte[] b, int p)
        {
            return ((uint)b[p] << 24) | ((uint)b[p + 1] << 16) | ((uint)b[p + 2] << 8) | b[p + 3];
        }
    }
}
