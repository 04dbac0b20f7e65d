using System;
using System.Collections.Generic;
using CanIds.Traffic;

namespace CanIds.Hil.Replay
{
    /// <summary>When each frame of a replayed log reaches the receiver.</summary>
    public enum ReplayPace
    {
        /// <summary>At the log's own timestamps (relative to its first frame).</summary>
        Recorded,

        /// <summary>Back to back, as fast as the bus carries them: every frame's wire bits (stuffing counted) at the bit rate.</summary>
        FullLoad,
    }

    /// <summary>Arrival times of a log's frames (µs from the first frame's arrival).</summary>
    public static class ReplayTiming
    {
        /// <summary>
        /// The arrival time of every frame: its end of frame on the wire, which is when a CAN controller raises its
        /// receive interrupt. Recorded pace uses the log's timestamps (a log without them, or running backwards, is
        /// refused with the line that does it); full load packs the frames at <paramref name="bitRate"/>.
        /// </summary>
        public static long[] Arrivals(IReadOnlyList<CanRecord> records, ReplayPace pace, int bitRate)
        {
            if (bitRate <= 0) throw new ArgumentException($"bit rate {bitRate}: expected a positive bit rate");
            var at = new long[records.Count];
            if (records.Count == 0) return at;
            if (pace == ReplayPace.FullLoad)
            {
                double t = 0;
                for (int i = 0; i < records.Count; i++)
                {
                    t += CanWire.Bits(records[i]) * 1e6 / bitRate;
                    at[i] = (long)Math.Round(t);
                }

                return at;
            }

            if (!records[0].HasTimestamp) throw new ArgumentException("the log has no timestamps: replay it at --pace full-load");
            long first = records[0].TimestampUs;
            for (int i = 0; i < records.Count; i++)
            {
                if (!records[i].HasTimestamp) throw new ArgumentException($"frame {i + 1} has no timestamp: replay the log at --pace full-load");
                at[i] = records[i].TimestampUs - first;
                if (i > 0 && at[i] < at[i - 1]) throw new ArgumentException($"frame {i + 1}: timestamp goes back {at[i - 1] - at[i]} µs; a log must be in time order");
            }

            return at;
        }
    }
}
