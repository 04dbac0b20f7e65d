using System;
using CanIds.Firmware.Ports;

namespace CanIds.Firmware.Reporting
{
    /// <summary>
    /// Where the main loop's caught exceptions go: each is reported as a FAULT line naming where it happened, its type and
    /// message, and counted; a burst of them (<c>burst</c> within a second) tells the caller to back off rather than
    /// retry at once, so a persistent fault cannot spin the loop or flood the report.
    /// </summary>
    public sealed class FaultMonitor
    {
        private const long BurstWindowUs = 1000000;
        private readonly ReportWriter _report;
        private readonly IClock _clock;
        private readonly long[] _recent; // times of the last faults, a ring

        /// <summary>A monitor reporting to <paramref name="report"/>; <paramref name="burst"/> faults within a second mean back off.</summary>
        public FaultMonitor(ReportWriter report, IClock clock, int burst)
        {
            _report = report;
            _clock = clock;
            _recent = new long[burst < 1 ? 1 : burst];
            for (int i = 0; i < _recent.Length; i++) _recent[i] = long.MinValue / 2;
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
            int slot = (int)(Faults % _recent.Length);
            bool burst = now - _recent[slot] < BurstWindowUs; // the fault this many back came less than a second ago
            _recent[slot] = now;
            Faults++;
            if (burst) BackOffs++;
            _report.Write("FAULT", now / 1000, "place=" + place + " type=" + fault.GetType().FullName + " count=" + Faults
                + (burst ? " action=back-off" : " action=recover") + " message=" + fault.Message);
            return burst;
        }
    }
}
