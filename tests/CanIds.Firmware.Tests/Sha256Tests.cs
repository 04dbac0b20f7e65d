using CanIds.Core.Crypto;
using CanIds.Firmware.Tests.Support;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>SHA-256 against the FIPS 180-4 examples (NIST's "SHA256.pdf"), on the runtime that runs it.</summary>
    [TestClass]
    public class Sha256Tests
    {
        [TestMethod]
        [DataRow("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [DataRow("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [DataRow("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        public void HashesTheFipsExamples(string message, string digest)
        {
            byte[] data = Hex.Ascii(message);
            Assert.IsTrue(Hex.Same(Hex.Parse(digest), Sha256.Hash(data, 0, data.Length), 0));
        }

        [TestMethod]
        public void HashesAMillionLettersAInPieces()
        {
            byte[] chunk = new byte[1000];
            for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)'a';
            Sha256 sha = new Sha256();
            for (int i = 0; i < 1000; i++) sha.Update(chunk, 0, chunk.Length);
            byte[] digest = new byte[32];
            sha.Final(digest, 0);
            Assert.IsTrue(Hex.Same(Hex.Parse("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"), digest, 0));
        }

        [TestMethod]
        [DataRow(55)]
        [DataRow(56)]
        [DataRow(63)]
        [DataRow(64)]
        [DataRow(65)]
        public void PaddingBoundariesMatchOneShotAndSplitHashing(int length)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) data[i] = (byte)(i * 7 + 1);
            byte[] whole = Sha256.Hash(data, 0, length);
            Sha256 sha = new Sha256();
            sha.Update(data, 0, length / 3);
            sha.Update(data, length / 3, length - length / 3);
            byte[] split = new byte[32];
            sha.Final(split, 0);
            Assert.IsTrue(Hex.Same(whole, split, 0));
        }
    }
}
