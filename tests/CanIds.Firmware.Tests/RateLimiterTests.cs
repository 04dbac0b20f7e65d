using CanIds.Firmware.Reporting;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The alert rate limit: a burst, then the average rate, and every refusal counted.</summary>
    [TestClass]
    public class RateLimiterTests
    {
        [TestMethod]
        public void AllowsABurstThenTheAverageRate()
        {
            RateLimiter limiter = new RateLimiter(10, 5);
            int allowed = 0;
            for (int i = 0; i < 100; i++)
            {
                if (limiter.Allow(0)) allowed++;
            }

            Assert.AreEqual(5, allowed);
            Assert.AreEqual(95L, limiter.Suppressed);
            // One second later ten more tokens, capped at the burst of five.
            allowed = 0;
            for (int i = 0; i < 100; i++)
            {
                if (limiter.Allow(1000000)) allowed++;
            }

            Assert.AreEqual(5, allowed);
            // Spread out at the average rate, nothing is refused.
            limiter.TakeSuppressed();
            for (long t = 2000000; t < 4000000; t += 100000) Assert.IsTrue(limiter.Allow(t));
            Assert.AreEqual(0L, limiter.Suppressed);
        }
    }
}
