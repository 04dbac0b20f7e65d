using System;
using CanIds.Hil.Replay;
using CanIds.Traffic;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>The replay's arithmetic: arrival times, the SPI clock it can make, percentiles and the line-rate count.</summary>
    public class ReplayFiguresTests
    {
        private static CanRecord At(long us) => CanRecord.Classic(us, 0x123, false, new byte[8]);

        [Fact]
        public void RecordedArrivalsAreRelativeToTheFirstFrameAndALogGoingBackInTimeIsRefusedNamingTheFrame()
        {
            Assert.Equal(new long[] { 0, 250, 1_000 }, ReplayTiming.Arrivals([At(5_000), At(5_250), At(6_000)], ReplayPace.Recorded, 500_000));
            var e = Assert.Throws<ArgumentException>(() => ReplayTiming.Arrivals([At(5_000), At(6_000), At(5_500)], ReplayPace.Recorded, 500_000));
            Assert.Contains("frame 3", e.Message);
            var untimed = CanRecord.Classic(CanRecord.NoTimestamp, 1, false, new byte[8]);
            Assert.Contains("full-load", Assert.Throws<ArgumentException>(() => ReplayTiming.Arrivals([untimed], ReplayPace.Recorded, 500_000)).Message);
        }

        [Fact]
        public void AtFullLoadEachFrameTakesItsWireBitsAtTheBitRate()
        {
            var frames = new[] { At(0), At(0) };
            var at = ReplayTiming.Arrivals(frames, ReplayPace.FullLoad, 500_000);
            Assert.Equal(2 * CanWire.Bits(frames[0]), at[0]); // 2 µs a bit at 500 kbit/s
            Assert.Equal(4 * CanWire.Bits(frames[0]), at[1]);
        }

        [Theory]
        [InlineData(100, 12.5, 4, 12.5)]
        [InlineData(100, 10, 5, 10)]
        [InlineData(100, 11, 5, 10)]   // never faster than asked
        [InlineData(100, 50, 4, 12.5)] // never faster than f_clk / 8
        public void TheSpiClockIsTheNearestCoreClockDivisorNotAboveTheRequest(double fpga, double spi, int halfPeriod, double actual)
        {
            var t = new LinkTimingModel { FpgaMhz = fpga, SpiMhz = spi };
            Assert.Equal(halfPeriod, t.HalfPeriod);
            Assert.Equal(actual, t.ActualSpiMhz, 6);
        }

        [Fact]
        public void PercentilesAreNearestRankAndTheLineRateCountComparesEachVerdictWithTheNextArrival()
        {
            var o = new ReplayOutcome(4, [0, 100, 200, 300]);
            double[] latency = [50, 150, 80, 400];
            for (int i = 0; i < 4; i++)
            {
                o.Classes[i] = 0;
                o.LatencyUs[i] = latency[i];
            }

            Assert.Equal(50, o.Percentile(0));
            Assert.Equal(80, o.Percentile(50));
            Assert.Equal(400, o.Percentile(100));
            Assert.Equal(3, o.JudgedBeforeNext); // frame 1's verdict (250 µs) comes after frame 2 arrived (200 µs)
            Assert.Equal(1, o.Mismatches([0, 0, 1, 0]));
        }
    }
}
