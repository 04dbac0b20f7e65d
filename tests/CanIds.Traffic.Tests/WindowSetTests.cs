using System;
using System.Linq;
using CanIds.Core;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Traffic.Tests
{
    /// <summary>Windows for training: one per frame, newest frame last, labelled by the newest frame.</summary>
    public class WindowSetTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(4)]
        [InlineData(6)]
        public void EveryFrameGetsTheWindowOfItselfAndTheFramesBeforeIt(int n)
        {
            var frames = TrafficGenerator.Generate(new GeneratorOptions { Seed = 2, DurationSeconds = 12 }).ToList();
            var set = WindowSet.FromRecords(frames, n, TrafficClasses.CarHacking);
            Assert.Equal(frames.Count, set.Count);
            Assert.Equal(n * 10, set.InputLength);
            var row = new byte[10];
            var frame = new CanFrame();
            for (int i = 0; i < frames.Count; i += 97)
            {
                var input = set.Input(i);
                for (int k = 0; k < n; k++)
                {
                    int source = i - (n - 1) + k;
                    if (source < 0)
                    {
                        Assert.True(input.Slice(k * 10, 10).IndexOfAnyExcept((byte)0) < 0, $"window {i} row {k} precedes the first frame and must be zero");
                        continue;
                    }

                    frames[source].CopyTo(frame);
                    InputFormat.EncodeFrame(frame, row, 0);
                    Assert.True(input.Slice(k * 10, 10).SequenceEqual(row), $"window {i} row {k} is not frame {source}");
                }

                Assert.Equal(TrafficClasses.CarHacking.ToList().IndexOf(frames[i].Label!), set.Labels[i]);
            }

            Assert.Contains(set.Labels.Take(set.Count), l => l != 0);
        }

        [Fact]
        public void LabelOutsideTheClassListIsRefusedNamingTheFrame()
        {
            var frames = new[] { CanRecord.Classic(0, 1, false, new byte[8], TrafficClasses.Benign), CanRecord.Classic(1, 2, false, new byte[8], TrafficClasses.Replay) };
            var error = Assert.Throws<ArgumentException>(() => WindowSet.FromRecords(frames, 4, TrafficClasses.CarHacking));
            Assert.Contains("frame 2 is labelled \"Replay\"", error.Message);
        }

        [Fact]
        public void CanFdFrameIsRefused()
        {
            var fd = new CanRecord { Id = 1, Flags = CanRecordFlags.Fd, Length = 12, Label = TrafficClasses.Benign };
            Assert.Throws<NotSupportedException>(() => WindowSet.FromRecords(new[] { fd }, 4, TrafficClasses.CarHacking));
        }
    }
}
