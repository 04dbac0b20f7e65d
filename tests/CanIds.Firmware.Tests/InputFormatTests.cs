using System;
using CanIds.Core;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>Model input format version 1, as docs/input-format.md states it.</summary>
    [TestClass]
    public class InputFormatTests
    {
        [TestMethod]
        [DataRow(0x000u, 0x0000)]
        [DataRow(0x316u, 0x0316)]
        [DataRow(0x43Fu, 0x043F)]
        [DataRow(0x7FFu, 0x07FF)]
        public void StandardIdIsTheIdItself(uint id, int word)
        {
            Assert.AreEqual((ushort)word, InputFormat.EncodeId(id, false, false));
        }

        [TestMethod]
        public void ExtendedIdIsFlaggedAndFoldedInto14Bits()
        {
            // 0x18FEF100 (a J1939 ID): bits 0..13 = 0x3100, bits 14..27 = 0x23FB, bit 28 = 1 → 0x3100 ^ 0x23FB ^ 1 = 0x12FA.
            Assert.AreEqual((ushort)(0x8000 | 0x12FA), InputFormat.EncodeId(0x18FEF100u, true, false));
        }

        [TestMethod]
        public void ExtendedIdNeverCollidesWithAStandardId()
        {
            Assert.AreNotEqual(InputFormat.EncodeId(0x316u, false, false), InputFormat.EncodeId(0x316u, true, false));
        }

        [TestMethod]
        public void RemoteFrameIsFlaggedAndHasZeroPayload()
        {
            CanFrame frame = new CanFrame();
            frame.Set(0x123, false, true, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 0, 8);
            byte[] row = new byte[10];
            InputFormat.EncodeFrame(frame, row, 0);
            Assert.AreEqual((byte)0x41, row[0]);
            Assert.AreEqual((byte)0x23, row[1]);
            for (int i = 2; i < 10; i++)
            {
                Assert.AreEqual((byte)0, row[i], "payload byte " + (i - 2));
            }
        }

        [TestMethod]
        public void ShortFrameIsZeroPaddedToEightBytes()
        {
            CanFrame frame = new CanFrame();
            frame.Set(0x2A0, false, false, new byte[] { 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF, 0x11, 0x22 }, 0, 8);
            frame.Set(0x002, false, false, new byte[] { 0x05, 0x21 }, 0, 2);
            byte[] row = new byte[10];
            InputFormat.EncodeFrame(frame, row, 0);
            CollectionAssert.AreEqual(new byte[] { 0x00, 0x02, 0x05, 0x21, 0, 0, 0, 0, 0, 0 }, row);
        }

        [TestMethod]
        public void FrameSetRejectsIdsOutsideTheirFormat()
        {
            CanFrame frame = new CanFrame();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => frame.Set(0x800, false, false, new byte[8], 0, 8));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => frame.Set(0x20000000, true, false, new byte[8], 0, 8));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => frame.Set(0x100, false, false, new byte[9], 0, 9));
        }
    }
}
