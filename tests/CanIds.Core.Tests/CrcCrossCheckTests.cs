using System;
using System.Buffers.Binary;
using CanIds.Core;
using Xunit;

namespace CanIds.Core.Tests
{
    /// <summary>The shared-core CRCs against independent implementations on random data of every length.</summary>
    public class CrcCrossCheckTests
    {
        [Fact]
        public void Crc32MatchesSystemIOHashingOnRandomData()
        {
            var random = new Random(20261125);
            for (int length = 0; length < 2000; length += 7)
            {
                var data = new byte[length + 5];
                random.NextBytes(data);
                var expected = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(3, length));
                Assert.Equal(expected, Crc32.Compute(data, 3, length));
            }
        }

        [Fact]
        public void Crc16MatchesABitwiseReferenceOnRandomData()
        {
            var random = new Random(7);
            for (int length = 0; length < 600; length += 3)
            {
                var data = new byte[length];
                random.NextBytes(data);
                Assert.Equal(BitwiseCcittFalse(data), Crc16Ccitt.Compute(data, 0, length));
            }
        }

        [Fact]
        public void Crc32OfDataFollowedByItsLittleEndianCrcIsTheResidue()
        {
            // The CRC-32 "magic check": appending the CRC (little-endian) yields the constant residue 0x2144DF1C.
            var data = new byte[100 + 4];
            new Random(3).NextBytes(data.AsSpan(0, 100));
            BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(100), Crc32.Compute(data, 0, 100));
            Assert.Equal(0x2144DF1Cu, Crc32.Compute(data, 0, data.Length));
        }

        private static ushort BitwiseCcittFalse(byte[] data)
        {
            int crc = 0xFFFF;
            foreach (var b in data)
            {
                crc ^= b << 8;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
                }
            }

            return (ushort)crc;
        }
    }
}
