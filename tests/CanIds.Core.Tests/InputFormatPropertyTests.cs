using System;
using System.Collections.Generic;
using CanIds.Core;
using Xunit;

namespace CanIds.Core.Tests
{
    /// <summary>Properties of the input format over many random frames.</summary>
    public class InputFormatPropertyTests
    {
        [Fact]
        public void DistinctStandardIdsGiveDistinctWordsAndNoExtendedWordEqualsAStandardOne()
        {
            var standard = new HashSet<ushort>();
            for (uint id = 0; id <= CanFrame.MaxStandardId; id++)
            {
                Assert.True(standard.Add(InputFormat.EncodeId(id, false, false)));
            }

            var random = new Random(11);
            for (int i = 0; i < 100_000; i++)
            {
                var word = InputFormat.EncodeId((uint)random.Next(0, 0x20000000), true, false);
                Assert.DoesNotContain(word, standard);
                Assert.Equal(InputFormat.ExtendedFlag, word & 0xC000);
            }
        }

        [Fact]
        public void ExtendedIdsThatDifferInOneBitNeverCollide()
        {
            // The XOR fold sends every one of the 29 ID bits to exactly one word bit, so a one-bit change always shows.
            var random = new Random(13);
            for (int i = 0; i < 20_000; i++)
            {
                uint id = (uint)random.Next(0, 0x20000000);
                ushort word = InputFormat.EncodeId(id, true, false);
                for (int bit = 0; bit < 29; bit++)
                {
                    Assert.NotEqual(word, InputFormat.EncodeId(id ^ (1u << bit), true, false));
                }
            }
        }

        [Fact]
        public void EncodedRowIsIdWordThenPayload()
        {
            var random = new Random(5);
            var frame = new CanFrame();
            var row = new byte[InputFormat.BytesPerFrame];
            for (int i = 0; i < 10_000; i++)
            {
                var payload = new byte[8];
                random.NextBytes(payload);
                int dlc = random.Next(0, 9);
                uint id = (uint)random.Next(0, 0x800);
                frame.Set(id, false, false, payload, 0, dlc);
                InputFormat.EncodeFrame(frame, row, 0);
                Assert.Equal(id, (uint)((row[0] << 8) | row[1]));
                for (int b = 0; b < 8; b++)
                {
                    Assert.Equal(b < dlc ? payload[b] : 0, row[2 + b]);
                }
            }
        }
    }
}
