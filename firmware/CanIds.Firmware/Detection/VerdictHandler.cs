using CanIds.Firmware.Link;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// Acts on verdicts: counts them per class, raises the alert pin while attacks are seen (held a while after the
    /// last one), groups attack verdicts into incidents with an ALERT line when one begins and an INCIDENT line when it
    /// ends (<see cref="IncidentTracker"/>; ALERT lines rate-limited, so a flood cannot flood the report port; the
    /// suppressed ones are counted and reported), and measures the time from frame arrival to verdict. A run of benign
    /// frames costs the same as one. It also applies the model's identifier rule: a frame the FPGA calls benign whose
    /// identifier word the model does not know (marked in <see cref="FrameRing.Foreign"/> when it was taken) is an attack
    /// of the rule's foreign class.
    /// </summary>
    public sealed class VerdictHandler : IVerdictSink
    {
        private readonly FrameRing _frames;
        private readonly IAlertPin _pin;
        private readonly IClock _clock;
        private readonly ReportWriter _report;
        private readonly RateLimiter _alerts;
        private readonly IncidentTracker _incidents;
        private readonly long _holdUs;
        private readonly long[] _counts = new long[128]; // any class a record can carry (7 bits)
        private string[] _classes = new string[] { "Benign", "Attack" };
        private int _foreignClass;
        private int _bank;
        private long _alertUntilUs = -1;
        private bool _pinHigh;
        private bool _forced;
        private long _lastSummaryUs;

        /// <summary>A handler reporting through <paramref name="report"/> at most <paramref name="alertsPerSecond"/> ALERT lines per second.</summary>
        public VerdictHandler(FrameRing frames, IAlertPin pin, IClock clock, ReportWriter report, int alertsPerSecond, int holdMs)
        {
            _frames = frames;
            _pin = pin;
            _clock = clock;
            _report = report;
            _alerts = new RateLimiter(alertsPerSecond, alertsPerSecond);
            _incidents = new IncidentTracker(report, _alerts);
            _holdUs = holdMs * 1000L;
        }

        /// <summary>Also told of every verdict and loss (HIL injection, tests); null on the device.</summary>
        public IVerdictSink Observer;

        /// <summary>Verdicts received.</summary>
        public long Judged;

        /// <summary>Frames that will not be judged (lost by the link, or seen while detection was down).</summary>
        public long Unjudged;

        /// <summary>Verdicts naming an attack.</summary>
        public long Attacks;

        /// <summary>Longest time from frame arrival to verdict (µs).</summary>
        public long MaxLatencyUs;

        /// <summary>Sum of arrival-to-verdict times (µs), for the mean.</summary>
        public long TotalLatencyUs;

        /// <summary>ALERT lines suppressed by the rate limit since the last report of them.</summary>
        public long SuppressedAlerts
        {
            get { return _alerts.Suppressed; }
        }

        /// <summary>The model's class names (from the active weight image).</summary>
        public void SetClasses(string[] classes)
        {
            _classes = classes;
            _incidents.Classes = classes;
            for (int i = 0; i < _counts.Length; i++) _counts[i] = 0;
        }

        /// <summary>The class of a benign-judged frame on an unknown identifier (the active image's identifier rule).</summary>
        public void SetForeignClass(int cls)
        {
            _foreignClass = cls;
        }

        /// <summary>
        /// The weight bank now judging (after a model was adopted); the identifier rule's verdicts name it, as the FPGA's
        /// attack records name theirs.
        /// </summary>
        public void SetBank(int bank)
        {
            _bank = bank;
        }

        /// <summary>Verdicts of class <paramref name="cls"/>.</summary>
        public long Count(int cls)
        {
            return cls >= 0 && cls < _counts.Length ? _counts[cls] : 0;
        }

        /// <summary>The verdicts grouped into incidents.</summary>
        public IncidentTracker Incidents
        {
            get { return _incidents; }
        }

        /// <summary>Class names in use.</summary>
        public string[] Classes
        {
            get { return _classes; }
        }

        /// <inheritdoc />
        public void OnBenign(int firstTag, int count)
        {
            if (_frames.ForeignPending > 0)
            {
                SplitForeign(firstTag, count);
                return;
            }

            Benign(firstTag, count);
        }

        // A run holding marked frames: the benign runs between them, and each of them as an attack of the foreign class.
        private void SplitForeign(int firstTag, int count)
        {
            byte[] foreign = _frames.Foreign;
            int mask = _frames.Mask;
            int from = firstTag;
            if (_foreignClass == 0)
            {
                // Marked under a model with the rule, judged after one without it was adopted: the FPGA's verdict stands.
                for (int i = 0; i < count; i++) Unmark(firstTag + i);
                Benign(firstTag, count);
                return;
            }

            for (int i = 0; i < count; i++)
            {
                int tag = (firstTag + i) & 0xFFFF;
                if (foreign[tag & mask] == 0) continue;
                int run = (tag - from) & 0xFFFF;
                if (run > 0) Benign(from, run);
                Unmark(tag);
                Attack(tag, _foreignClass, _bank, " rule=unknown-id", true);
                from = (tag + 1) & 0xFFFF;
            }

            int rest = (firstTag + count - from) & 0xFFFF;
            if (rest > 0) Benign(from, rest);
        }

        private void Benign(int firstTag, int count)
        {
            long now = _clock.Microseconds;
            Judged += count;
            _counts[0] += count;
            // FrameRing.ArrivalSum and Arrival written out: once per transfer, however many frames the run holds.
            long[] sums = _frames.ArrivalSums;
            int mask = _frames.Mask;
            long before = sums[(firstTag - 1) & mask];
            TotalLatencyUs += count * now - (sums[(firstTag + count - 1) & mask] - before);
            long oldest = now - (sums[firstTag & mask] - before); // arrivals ascend: the first frame waited longest
            if (oldest > MaxLatencyUs) MaxLatencyUs = oldest;
            if (Observer != null) Observer.OnBenign(firstTag, count);
        }

        /// <inheritdoc />
        public void OnAttack(int tag, int cls, int bank)
        {
            bool unknown = Unmark(tag); // the network named an attack: its class stands
            _bank = bank;
            Attack(tag, cls, bank, "", unknown);
        }

        // An attack verdict; why names the rule that gave it (empty: the network); unknown when the identifier rule does not know the frame's identifier.
        private void Attack(int tag, int cls, int bank, string why, bool unknown)
        {
            long now = _clock.Microseconds;
            long latency = now - _frames.Arrival(tag);
            Judged++;
            Attacks++;
            TotalLatencyUs += latency;
            if (latency > MaxLatencyUs) MaxLatencyUs = latency;
            _counts[cls]++;
            if (Observer != null) Observer.OnAttack(tag, cls, bank);
            _alertUntilUs = now + _holdUs;
            Drive(true);
            _incidents.Attack(now, _frames.Id(tag), unknown, cls, tag, latency, why);
        }

        /// <inheritdoc />
        public void OnLost(int firstTag, int count)
        {
            for (int i = 0; i < count && _frames.ForeignPending > 0; i++) Unmark(firstTag + i);
            Unjudged += count;
            if (Observer != null) Observer.OnLost(firstTag, count);
        }

        /// <summary>Frames seen while detection is down.</summary>
        public void CountUnjudged(int count)
        {
            Unjudged += count;
        }

        /// <summary>Holds the pin high regardless of verdicts (fail-closed while detection is down), or releases that hold.</summary>
        public void ForceAlert(bool on)
        {
            _forced = on;
            Drive(on || _alertUntilUs > _clock.Microseconds);
        }

        /// <summary>Periodic work: drops the pin when the hold time has passed, reports suppressed alerts once a second at most.</summary>
        public void Tick(long now)
        {
            if (_pinHigh && !_forced && now > _alertUntilUs) Drive(false);
            _incidents.Tick(now);
            if (_alerts.Suppressed > 0 && now - _lastSummaryUs >= 1000000)
            {
                _lastSummaryUs = now;
                _report.Write("ALERTS-SUPPRESSED", now / 1000, "count=" + _alerts.TakeSuppressed());
            }
        }

        // Clears the frame's identifier-rule mark; true when it had one.
        private bool Unmark(int tag)
        {
            int slot = tag & _frames.Mask;
            if (_frames.Foreign[slot] == 0) return false;
            _frames.Foreign[slot] = 0;
            _frames.ForeignPending--;
            return true;
        }

        private void Drive(bool high)
        {
            if (high == _pinHigh) return;
            _pinHigh = high;
            _pin.Write(high);
        }
    }
}
