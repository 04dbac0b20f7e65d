namespace CanIds.Firmware.Reporting
{
    /// <summary>A token bucket: at most <c>burst</c> events at once and <c>perSecond</c> on average; what it refuses it counts.</summary>
    public sealed class RateLimiter
    {
        private readonly long _burst;
        private readonly long _periodUs;
        private long _tokens;
        private long _lastUs;

        /// <summary>A limiter allowing <paramref name="perSecond"/> events per second with bursts of <paramref name="burst"/>.</summary>
        public RateLimiter(int perSecond, int burst)
        {
            _burst = burst;
            _periodUs = 1000000 / perSecond;
            _tokens = burst;
        }

        /// <summary>Events refused since the last <see cref="TakeSuppressed"/>.</summary>
        public long Suppressed { get; private set; }

        /// <summary>True when an event may happen at <paramref name="nowUs"/> (and uses a token).</summary>
        public bool Allow(long nowUs)
        {
            long earned = (nowUs - _lastUs) / _periodUs;
            if (earned > 0)
            {
                _tokens = _tokens + earned > _burst ? _burst : _tokens + earned;
                _lastUs += earned * _periodUs;
            }

            if (_tokens > 0)
            {
                _tokens--;
                return true;
            }

            Suppressed++;
            return false;
        }

        /// <summary>The refused count, reset to zero.</summary>
        public long TakeSuppressed()
        {
            long n = Suppressed;
            Suppressed = 0;
            return n;
        }
    }
}
