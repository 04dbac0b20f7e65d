using System;
using System.IO;
using CanIds.Model.Export;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Model.Tests
{
    /// <summary>Key files are read as exactly what the device accepts (16..64 bytes), and a typo is never a different key.</summary>
    public class DeviceKeyFileTests
    {
        private static string Write(byte[] content)
        {
            var path = Path.Combine(TestPaths.NewScratch(), "device.key");
            File.WriteAllBytes(path, content);
            return path;
        }

        private static string WriteText(string text) => Write(System.Text.Encoding.ASCII.GetBytes(text));

        [Fact]
        public void HexKeysOfSixteenToSixtyFourBytesAreRead()
        {
            Assert.Equal(16, WeightImageWriter.ReadKey(WriteText(new string('a', 32) + "\n")).Length);
            Assert.Equal(32, WeightImageWriter.ReadKey(WriteText("00112233 44556677 8899aabb ccddeeff\n00112233 44556677 8899aabb ccddeeff")).Length);
            Assert.Equal(64, WeightImageWriter.ReadKey(WriteText(new string('f', 128))).Length);
        }

        [Fact]
        public void AHexTypoIsAnErrorNamingTheCharacterNotARawKey()
        {
            var path = WriteText("00112233445566778899aabbccddeeff0011223344556677g899aabbccddeeff");
            var e = Assert.Throws<ArgumentException>(() => WeightImageWriter.ReadKey(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("'g' at character 49", e.Message);
        }

        [Fact]
        public void KeysTheDeviceWouldRefuseAreRefusedHere()
        {
            Assert.Contains("16..64", Assert.Throws<ArgumentException>(() => WeightImageWriter.ReadKey(WriteText(new string('a', 130)))).Message);
            Assert.Contains("16..64", Assert.Throws<ArgumentException>(() => WeightImageWriter.ReadKey(WriteText(new string('a', 30)))).Message);
            Assert.Contains("16..64", Assert.Throws<ArgumentException>(() => WeightImageWriter.ReadKey(Write(new byte[65]))).Message);
            Assert.Contains("0 bytes", Assert.Throws<ArgumentException>(() => WeightImageWriter.ReadKey(Write([]))).Message);
        }

        [Fact]
        public void ABinaryKeyIsReadAsItsBytes()
        {
            var raw = new byte[32];
            for (int i = 0; i < raw.Length; i++) raw[i] = (byte)(i * 37 + 1);
            Assert.Equal(raw, WeightImageWriter.ReadKey(Write(raw)));
        }
    }
}
