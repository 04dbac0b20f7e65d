using System;
using System.Security.Cryptography;
using CanIds.Core.Crypto;
using Xunit;

namespace CanIds.Core.Tests
{
    /// <summary>The shared core's SHA-256 and HMAC-SHA256 equal .NET's on random messages and keys of every length class.</summary>
    public class CryptoCrossCheckTests
    {
        [Fact]
        public void Sha256EqualsDotNetsOnRandomMessages()
        {
            var random = new Random(1);
            for (int length = 0; length < 600; length += 1 + length / 8)
            {
                var data = new byte[length];
                random.NextBytes(data);
                Assert.Equal(SHA256.HashData(data), Sha256.Hash(data, 0, data.Length));
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(16)]
        [InlineData(32)]
        [InlineData(64)]
        [InlineData(65)]
        [InlineData(200)]
        public void HmacEqualsDotNetsForKeysShorterAndLongerThanABlock(int keyLength)
        {
            var random = new Random(keyLength);
            var key = new byte[keyLength];
            random.NextBytes(key);
            var data = new byte[30_000];
            random.NextBytes(data);
            var mac = new HmacSha256(key);
            for (int at = 0; at < data.Length; at += 7_001) mac.Update(data, at, Math.Min(7_001, data.Length - at));
            var tag = new byte[32];
            mac.Final(tag, 0);
            Assert.Equal(HMACSHA256.HashData(key, data), tag);

            // Final resets: the same MAC object computes the next message afresh.
            mac.Update(data, 0, 10);
            mac.Final(tag, 0);
            Assert.Equal(HMACSHA256.HashData(key, data.AsSpan(0, 10)), tag);
        }
    }
}
