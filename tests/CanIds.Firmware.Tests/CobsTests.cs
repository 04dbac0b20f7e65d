using CanIds.Core.Update;
using CanIds.Firmware.Tests.Support;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>COBS against the published examples, and round trips across the 254-byte block boundary.</summary>
    [TestClass]
    public class CobsTests
    {
        [TestMethod]
        [DataRow("00", "0101")]
        [DataRow("0000", "010101")]
        [DataRow("00110022", "0102110222")]
        [DataRow("11223344", "0511223344")]
        [DataRow("11000000", "0211010101")]
        public void EncodesTheWikipediaExamples(string plain, string encoded)
        {
            byte[] input = Hex.Parse(plain);
            byte[] output = new byte[Cobs.MaxEncodedLength(input.Length)];
            int n = Cobs.Encode(input, 0, input.Length, output, 0);
            byte[] expected = Hex.Parse(encoded);
            Assert.AreEqual(expected.Length, n);
            Assert.IsTrue(Hex.Same(expected, output, 0));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(253)]
        [DataRow(254)]
        [DataRow(255)]
        [DataRow(600)]
        public void RoundTripsAndNeverEmitsZero(int length)
        {
            for (int zeroEvery = 0; zeroEvery < 4; zeroEvery++)
            {
                byte[] input = new byte[length];
                for (int i = 0; i < length; i++) input[i] = zeroEvery > 0 && i % (zeroEvery * 97) == 0 ? (byte)0 : (byte)(1 + i % 255);
                byte[] encoded = new byte[Cobs.MaxEncodedLength(length)];
                int n = Cobs.Encode(input, 0, length, encoded, 0);
                for (int i = 0; i < n; i++) Assert.AreNotEqual((byte)0, encoded[i]);
                byte[] decoded = new byte[length + 1];
                Assert.AreEqual(length, Cobs.Decode(encoded, 0, n, decoded, 0));
                for (int i = 0; i < length; i++) Assert.AreEqual(input[i], decoded[i]);
            }
        }

        [TestMethod]
        public void RejectsACodeRunningPastTheEndOrAZeroInside()
        {
            byte[] output = new byte[16];
            Assert.AreEqual(-1, Cobs.Decode(Hex.Parse("0511"), 0, 2, output, 0));
            Assert.AreEqual(-1, Cobs.Decode(Hex.Parse("031100"), 0, 3, output, 0));
        }
    }
}
