using CanIds.Firmware.Reporting;

namespace CanIds.Firmware.Detection
{
    /// <summary>
    /// Groups attack verdicts into incidents, as the host's reports do (docs/model.md, "Incidents"): verdicts of one
    /// class on one identifier, or on any identifier the model's identifier rule does not know, at most
    /// <see cref="GapUs"/> apart. An incident's first verdict writes an ALERT line; its end (no verdict of it for the gap)
    /// an INCIDENT line with its frames and duration. At most <see cref="Slots"/> are open at once, so the state is
    /// bounded (a new one ends the least recently active); an ALERT the rate limit suppresses suppresses its incident's
    /// INCIDENT line too. Nothing is allocated but the lines written.
    /// </summary>
    public sealed class IncidentTracker
    {
        /// <summary>Incidents open at once.</summary>
        public const int Slots = 8;

        /// <summary>Longest time between two verdicts of one incident, µs.</summary>
        public const long GapUs = 1000000;

        private readonly ReportWriter _report;
        private readonly RateLimiter _limit;
        private readonly int[] _class = new int[Slots]; // 0: a free slot
        private readonly int[] _key = new int[Slots];   // the frame identifier, or -1: any unknown identifier
        private readonly int[] _firstId = new int[Slots];
        private readonly long[] _start = new long[Slots];
        private readonly long[] _last = new long[Slots];
        private readonly int[] _frames = new int[Slots];
        private readonly bool[] _reported = new bool[Slots];
        private readonly string[] _why = new string[Slots];

        /// <summary>A tracker writing through <paramref name="report"/>, its ALERT lines limited by <paramref name="limit"/>.</summary>
        public IncidentTracker(ReportWriter report, RateLimiter limit)
        {
            _report = report;
            _limit = limit;
        }

        /// <summary>Class names for the lines.</summary>
        public string[] Classes = new string[] { "Benign", "Attack" };

        /// <summary>Incidents begun.</summary>
        public long Begun;

        /// <summary>Incidents open now.</summary>
        public int Open;

        /// <summary>
        /// An attack verdict of class <paramref name="cls"/> at <paramref name="now"/> µs on frame <paramref name="tag"/>
        /// (identifier <paramref name="id"/>; <paramref name="unknown"/> when the identifier rule does not know it);
        /// <paramref name="why"/> is appended to the lines (" rule=unknown-id", or empty for the network).
        /// </summary>
        public void Attack(long now, int id, bool unknown, int cls, int tag, long latencyUs, string why)
        {
            int key = unknown ? -1 : id;
            int free = -1;
            int idle = 0;
            for (int s = 0; s < Slots; s++)
            {
                if (_class[s] == 0)
                {
                    if (free < 0) free = s;
                    continue;
                }

                if (_class[s] == cls && _key[s] == key)
                {
                    if (now - _last[s] <= GapUs)
                    {
                        _frames[s]++;
                        _last[s] = now;
                        return;
                    }

                    End(s, now);
                    if (free < 0) free = s;
                    continue;
                }

                if (_last[s] < _last[idle] || _class[idle] == 0) idle = s;
            }

            if (free < 0)
            {
                End(idle, now); // every slot busy: the least recently active incident ends early
                free = idle;
            }

            _class[free] = cls;
            _key[free] = key;
            _firstId[free] = id;
            _start[free] = now;
            _last[free] = now;
            _frames[free] = 1;
            _why[free] = why;
            _reported[free] = _limit.Allow(now);
            Open++;
            Begun++;
            if (_reported[free])
            {
                _report.Write("ALERT", now / 1000, "id=" + Ports.FrameId.Text(id) + " class=" + Name(cls) + " tag=" + tag + " latency_us=" + latencyUs + why);
            }
        }

        /// <summary>Ends the incidents without a verdict for the gap.</summary>
        public void Tick(long now)
        {
            if (Open == 0) return;
            for (int s = 0; s < Slots; s++)
            {
                if (_class[s] != 0 && now - _last[s] > GapUs) End(s, now);
            }
        }

        private void End(int s, long now)
        {
            if (_reported[s])
            {
                _report.Write("INCIDENT", now / 1000, "id=" + Ports.FrameId.Text(_firstId[s]) + " class=" + Name(_class[s]) + " frames=" + _frames[s]
                    + " duration_ms=" + (_last[s] - _start[s]) / 1000 + (_key[s] < 0 ? " identifiers=unknown" : "") + _why[s]);
            }

            _class[s] = 0;
            Open--;
        }

        private string Name(int cls)
        {
            return cls < Classes.Length ? Classes[cls] : "class-" + cls;
        }
    }
}
