using System;
using System.Linq;

namespace CanIds.Hil.Replay
{
    /// <summary>What a replay gave for every frame: its class and, where timed, its latency from arrival to verdict.</summary>
    public sealed class ReplayOutcome
    {
        /// <summary>Marks a frame that got no verdict.</summary>
        public const byte NoVerdict = 255;

        /// <summary>An outcome for <paramref name="frames"/> frames, none judged yet.</summary>
        public ReplayOutcome(int frames, long[] arrivalsUs)
        {
            Classes = Enumerable.Repeat(NoVerdict, frames).ToArray();
            LatencyUs = Enumerable.Repeat(double.NaN, frames).ToArray();
            ArrivalsUs = arrivalsUs;
        }

        /// <summary>Class of every frame's window (<see cref="NoVerdict"/> where none came).</summary>
        public byte[] Classes { get; }

        /// <summary>Arrival-to-verdict time of every frame, µs (NaN where not measured).</summary>
        public double[] LatencyUs { get; }

        /// <summary>When each frame arrived, µs from the first.</summary>
        public long[] ArrivalsUs { get; }

        /// <summary>Frames the receive queue dropped because it was full.</summary>
        public long Overruns { get; set; }

        /// <summary>Frames judged.</summary>
        public int Judged => Classes.Count(c => c != NoVerdict);

        /// <summary>Frames whose latency was measured.</summary>
        public double[] MeasuredLatencies => LatencyUs.Where(l => !double.IsNaN(l)).ToArray();

        /// <summary>
        /// Frames judged before the next frame arrived (line rate: the detector never falls behind the bus); the last
        /// frame counts when judged at all. Null when latency was not measured.
        /// </summary>
        public int? JudgedBeforeNext
        {
            get
            {
                if (MeasuredLatencies.Length == 0) return null;
                int n = 0;
                for (int i = 0; i < Classes.Length; i++)
                {
                    if (double.IsNaN(LatencyUs[i])) continue;
                    if (i + 1 == Classes.Length || ArrivalsUs[i] + LatencyUs[i] <= ArrivalsUs[i + 1]) n++;
                }

                return n;
            }
        }

        /// <summary>The <paramref name="p"/>-th percentile (0..100) of the measured latencies (nearest rank), NaN when none.</summary>
        public double Percentile(double p)
        {
            var sorted = MeasuredLatencies;
            if (sorted.Length == 0) return double.NaN;
            Array.Sort(sorted);
            int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        /// <summary>Frames whose class differs from <paramref name="reference"/> (a missing verdict counts).</summary>
        public int Mismatches(byte[] reference)
        {
            if (reference.Length != Classes.Length) throw new ArgumentException($"{reference.Length} reference classes for {Classes.Length} frames");
            int n = 0;
            for (int i = 0; i < Classes.Length; i++) if (Classes[i] != reference[i]) n++;
            return n;
        }
    }
}
