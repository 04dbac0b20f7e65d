using System;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Reporting
{
    /// <summary>
    /// Where the main loop's caught exceptions go: each is reported as a FAULT line naming where it happened, its type and
    /// message, and counted; a burst of them at one place (<c>burst</c> within a second) tells the caller to back off
    /// rather than retry at once, so a persistent fault cannot spin the loop or flood the report.
    /// </summary>
    public sealed class FaultMonitor
    {
        private const long BurstWindowUs = 1000000;
        private readonly ReportWriter _report;
        private readonly IClock _clock;
        private readonly int _burst;
        private readonly long[] _times;    // the last faults, a ring: when...
        private readonly string[] _places; // ...and where

        /// <summary>
        /// A monitor reporting to <paramref name="report"/>; <paramref name="burst"/> faults at one place within a second
        /// mean back off.
        /// </summary>
        public FaultMonitor(ReportWriter report, IClock clock, int burst)
        {
            _report = report;
            _clock = clock;
            _burst = burst < 1 ? 1 : burst;
            // Room for a burst at one place even while faults elsewhere (a flaky flash during an upload) interleave.
            _times = new long[4 * _burst];
            _places = new string[_times.Length];
            for (int i = 0; i < _places.Length; i++) _places[i] = string.Empty; // nanoCLR's string equality is not null-safe
        }

        /// <summary>Faults recorded since boot.</summary>
        public long Faults;

        /// <summary>Times a burst of faults made detection back off.</summary>
        public long BackOffs;

        /// <summary>
        /// Reports and counts <paramref name="fault"/>, caught at <paramref name="place"/>; returns true when it ends a burst
        /// (the caller should back off).
        /// </summary>
        public bool Record(string place, Exception fault)
        {
            long now = _clock.Microseconds;
            // A burst is counted per place: faults of the update path (answered to the host, who retries) must not make
            // detection back off, nor detection's faults an upload.
            int earlier = 0;
            for (int i = 0; i < _times.Length; i++)
            {
                if (_places[i] == place && now - _times[i] < BurstWindowUs) earlier++;
            }

            bool burst = earlier + 1 >= _burst; // this one is the burst-th within a second
            int slot = (int)(Faults % _times.Length);
            _times[slot] = now;
            _places[slot] = place;
            Faults++;
            if (burst) BackOffs++;
            _report.Write("FAULT", now / 1000, "place=" + place + " type=" + fault.GetType().FullName + " count=" + Faults
                + (burst ? " action=back-off" : " action=recover") + " message=" + fault.Message);
            return burst;
        }
    }
}
