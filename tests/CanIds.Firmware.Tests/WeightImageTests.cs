using System;
using CanIds.Core;
using CanIds.Core.Image;
using CanIds.Firmware.Tests.Support;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The firmware's checks on weight images: a good image passes, any damage or a wrong key is named.</summary>
    [TestClass]
    public class WeightImageTests
    {
        private static readonly byte[] Key = Hex.Parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

        private static byte[] Build()
        {
            KnownIdentifiers known = new KnownIdentifiers(1);
            known.Add(0x0316);
            known.Add(0x0018);
            known.Add(0x92FA);
            return Build(known);
        }

        private static byte[] Build(KnownIdentifiers known)
        {
            LayerShape[] layers = new LayerShape[] { new LayerShape(40, 8, 1, 10, 2, 2), new LayerShape(8, 2, 1, 2, 2, 0) };
            byte[] payload = new byte[100];
            for (int i = 0; i < payload.Length; i++) payload[i] = (byte)(i * 13);
            payload[payload.Length - 1] = 2; // the class count closes every payload
            return WeightImage.Build(0x12345678, 1, 4, layers, new string[] { "Benign", "Attack" }, "test", known, 1700000000, payload, Key);
        }

        [TestMethod]
        public void AGoodImageVerifiesAndDescribesItsModel()
        {
            byte[] image = Build();
            WeightImage parsed = WeightImage.Verify(image, image.Length, Key);
            Assert.AreEqual(0x12345678u, parsed.HardwareConfigId);
            Assert.AreEqual(100, parsed.PayloadLength);
            Assert.AreEqual(4, parsed.WindowFrames);
            Assert.AreEqual(2, parsed.Layers.Length);
            Assert.AreEqual(10, parsed.Layers[0].Simd);
            Assert.AreEqual("Attack", parsed.Classes[1]);
            Assert.AreEqual("test", parsed.Name);
            Assert.AreEqual(image.Length, parsed.TotalLength);
            Assert.AreEqual(1, parsed.Identifiers.ForeignClass);
            Assert.AreEqual(3, parsed.Identifiers.Count);
            Assert.IsTrue(parsed.Identifiers.Contains(0x0018));
            Assert.IsTrue(parsed.Identifiers.Contains(0x92FA));
            Assert.IsFalse(parsed.Identifiers.Contains(0x0017));
        }

        [TestMethod]
        public void AnImageWithoutIdentifierRuleHasNone()
        {
            byte[] image = Build(null);
            Assert.IsNull(WeightImage.Verify(image, image.Length, Key).Identifiers);
        }

        [TestMethod]
        public void IdentifierWordsOutOfOrderAreRefusedByName()
        {
            // The words close the header: the last 6 bytes before the payload hold 0x0018, 0x0316, 0x92FA.
            byte[] image = Build();
            int header = WeightImage.Parse(image, image.Length).HeaderLength;
            BigEndian.PutU16(image, header - 4, 0x0018); // a repeat: not strictly ascending
            Assert.AreEqual("known identifiers", FieldOf(image, image.Length, Key));
        }

        [TestMethod]
        public void AForeignClassTheModelDoesNotHaveIsRefusedByName()
        {
            byte[] image = Build();
            int header = WeightImage.Parse(image, image.Length).HeaderLength;
            image[header - 9] = 2; // foreign class byte: the model has classes 0 and 1
            Assert.AreEqual("foreign class", FieldOf(image, image.Length, Key));
            image[header - 9] = 0; // no rule, yet words follow
            Assert.AreEqual("known identifiers", FieldOf(image, image.Length, Key));
        }

        [TestMethod]
        public void EveryFlippedBitIsCaught()
        {
            byte[] image = Build();
            for (int i = 0; i < image.Length; i++)
            {
                byte[] bad = (byte[])image.Clone();
                bad[i] ^= (byte)(1 << (i % 8));
                bool caught = false;
                try
                {
                    WeightImage.Verify(bad, bad.Length, Key);
                }
                catch (ImageFormatException)
                {
                    caught = true;
                }

                Assert.IsTrue(caught, "flipping a bit of byte " + i + " went unnoticed");
            }
        }

        [TestMethod]
        public void AWrongKeyFailsTheTagCheck()
        {
            byte[] image = Build();
            byte[] other = (byte[])Key.Clone();
            other[0] ^= 1;
            Assert.AreEqual("tag", FieldOf(image, image.Length, other));
        }

        [TestMethod]
        public void ATruncatedImageNamesItsLength()
        {
            byte[] image = Build();
            Assert.AreEqual("length", FieldOf(image, image.Length - 1, Key));
            Assert.AreEqual("length", FieldOf(image, 10, Key));
        }

        [TestMethod]
        public void AnImageSignedAfterTamperingStillFailsWithoutTheKey()
        {
            // An attacker can fix up the CRC but not the tag.
            byte[] image = Build();
            WeightImage parsed = WeightImage.Parse(image, image.Length);
            image[parsed.HeaderLength + 5] ^= 0xFF;
            int end = parsed.HeaderLength + parsed.PayloadLength;
            uint payloadCrc = CanIds.Core.Crc32.Compute(image, parsed.HeaderLength, parsed.PayloadLength);
            BigEndian.PutU32(image, 16, payloadCrc);
            BigEndian.PutU32(image, end, CanIds.Core.Crc32.Compute(image, 0, end));
            Assert.AreEqual("tag", FieldOf(image, image.Length, Key));
        }

        [TestMethod]
        public void APayloadWhoseClassCountDisagreesWithTheHeaderIsRefused()
        {
            // Even with both CRCs and the model id fixed up, the FPGA would limit its argmax to another count.
            byte[] image = Build();
            WeightImage parsed = WeightImage.Parse(image, image.Length);
            int end = parsed.HeaderLength + parsed.PayloadLength;
            image[end - 1] = 3;
            BigEndian.PutU32(image, 16, CanIds.Core.Crc32.Compute(image, parsed.HeaderLength, parsed.PayloadLength));
            BigEndian.PutU32(image, end, CanIds.Core.Crc32.Compute(image, 0, end));
            Assert.AreEqual("class count", FieldOf(image, image.Length, Key));
        }

        [TestMethod]
        public void AWindowLongerThanTheLimitIsRefused()
        {
            byte[] image = Build();
            image[24] = (byte)(InputFormat.MaxWindowFrames + 1);
            Assert.AreEqual("window frames", FieldOf(image, image.Length, Key));
            image[24] = 0;
            Assert.AreEqual("window frames", FieldOf(image, image.Length, Key));
        }

        [TestMethod]
        public void NotAnImageIsNamedByItsMagic()
        {
            byte[] image = Build();
            image[0] = (byte)'X';
            Assert.AreEqual("magic", FieldOf(image, image.Length, Key));
        }

        private static string FieldOf(byte[] image, int length, byte[] key)
        {
            try
            {
                WeightImage.Verify(image, length, key);
            }
            catch (ImageFormatException e)
            {
                return e.Field;
            }

            return "none";
        }
    }
}
