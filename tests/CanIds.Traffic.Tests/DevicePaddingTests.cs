using System;
using System.Linq;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>Frames as the device's driver hands them over: 8 data bytes, random past a short frame's length.</summary>
    public class DevicePaddingTests
    {
        private static CanRecord Frame(uint id, byte length, CanRecordFlags flags = 0)
        {
            var r = new CanRecord { Id = id, Length = length, Flags = flags, Label = "Benign" };
            Span<byte> data = r.Data;
            for (int i = 0; i < length; i++) data[i] = (byte)(0x10 + i);
            return r;
        }

        [Fact]
        public void ShortDataFramesGetRandomTailsAndKeepTheirBytes()
        {
            var frames = Enumerable.Range(0, 200).Select(i => Frame(0x100, 3)).ToList();
            var padded = DevicePadding.RandomTails(frames, 5).ToList();
            Assert.All(padded, r => Assert.Equal(8, r.Length));
            Assert.All(padded, r => Assert.Equal(new byte[] { 0x10, 0x11, 0x12 }, ((ReadOnlySpan<byte>)r.Data)[..3].ToArray()));
            var tails = padded.Select(r => Convert.ToHexString(((ReadOnlySpan<byte>)r.Data)[3..8])).ToList();
            Assert.True(tails.Distinct().Count() > 190, "the tails are not random");
            Assert.Equal(tails, DevicePadding.RandomTails(frames, 5).Select(r => Convert.ToHexString(((ReadOnlySpan<byte>)r.Data)[3..8])).ToList()); // seeded
        }

        [Fact]
        public void FullAndRemoteFramesAreUnchanged()
        {
            var full = Frame(0x200, 8);
            var remote = Frame(0x300, 0, CanRecordFlags.Remote);
            var padded = DevicePadding.RandomTails([full, remote], 1).ToList();
            CanRecord fullOut = padded[0], remoteOut = padded[1];
            Assert.Equal(((ReadOnlySpan<byte>)full.Data).ToArray(), ((ReadOnlySpan<byte>)fullOut.Data).ToArray());
            Assert.Equal(0, remoteOut.Length);
            Assert.True(((ReadOnlySpan<byte>)remoteOut.Data).IndexOfAnyExcept((byte)0) < 0);
        }
    }
}
