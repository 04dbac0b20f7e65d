using CanIds.Core.Crypto;

namespace CanIds.Core.Update
{
    /// <summary>
    /// The HIL session that INJECT needs (docs/update-protocol.md): the device answers a SESSION request with a fresh
    /// nonce, the host answers with HMAC-SHA256 under the device key over <see cref="Label"/> and that nonce. Only the
    /// key holder can therefore make the device judge injected frames instead of the bus's. Shared by the firmware and
    /// the host tools.
    /// </summary>
    public static class HilSession
    {
        /// <summary>Bytes of a nonce.</summary>
        public const int NonceLength = 16;

        /// <summary>Bytes of a proof (an HMAC-SHA256 tag).</summary>
        public const int ProofLength = HmacSha256.TagLength;

        /// <summary>What the proof authenticates before the nonce: "canids hil session v1", so no other tag under the key (an image's) can serve.</summary>
        public static readonly byte[] Label = new byte[] { 0x63, 0x61, 0x6e, 0x69, 0x64, 0x73, 0x20, 0x68, 0x69, 0x6c, 0x20, 0x73, 0x65, 0x73, 0x73, 0x69, 0x6f, 0x6e, 0x20, 0x76, 0x31 };

        /// <summary>Writes the proof for <paramref name="nonce"/> (at <paramref name="nonceOffset"/>) under <paramref name="key"/> into <paramref name="proof"/>.</summary>
        public static void Prove(byte[] key, byte[] nonce, int nonceOffset, byte[] proof, int proofOffset)
        {
            HmacSha256 mac = new HmacSha256(key);
            mac.Update(Label, 0, Label.Length);
            mac.Update(nonce, nonceOffset, NonceLength);
            mac.Final(proof, proofOffset);
        }
    }
}
