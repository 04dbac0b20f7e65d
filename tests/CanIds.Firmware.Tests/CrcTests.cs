using CanIds.Core;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The CRCs against the published check values, on the runtime that runs them.</summary>
    [TestClass]
    public class CrcTests
    {
        private static readonly byte[] Check = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 }; // "123456789"

        [TestMethod]
        public void Crc16CcittFalseOfCheckStringIs29B1()
        {
            Assert.AreEqual((ushort)0x29B1, Crc16Ccitt.Compute(Check, 0, Check.Length));
        }

        [TestMethod]
        public void Crc32OfCheckStringIsCbf43926()
        {
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(Check, 0, Check.Length));
        }

        [TestMethod]
        public void CrcsOfNothingAreTheirInitialValues()
        {
            Assert.AreEqual((ushort)0xFFFF, Crc16Ccitt.Compute(Check, 0, 0));
            Assert.AreEqual(0u, Crc32.Compute(Check, 0, 0));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(8)]
        public void CrcInPiecesEqualsCrcOfTheWhole(int split)
        {
            ushort crc16 = Crc16Ccitt.Update(Crc16Ccitt.Compute(Check, 0, split), Check, split, Check.Length - split);
            uint crc32 = Crc32.Update(Crc32.Compute(Check, 0, split), Check, split, Check.Length - split);
            Assert.AreEqual((ushort)0x29B1, crc16);
            Assert.AreEqual(0xCBF43926u, crc32);
        }

        [TestMethod]
        public void CrcsSeeASingleFlippedBit()
        {
            byte[] data = new byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
            data[4] ^= 0x10;
            Assert.AreNotEqual((ushort)0x29B1, Crc16Ccitt.Compute(data, 0, data.Length));
            Assert.AreNotEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }
    }
}
