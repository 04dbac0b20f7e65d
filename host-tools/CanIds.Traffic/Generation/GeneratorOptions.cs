using System.Collections.Generic;

namespace CanIds.Traffic.Generation
{
    /// <summary>What <see cref="TrafficGenerator"/> produces. Same options, same seed: the same frames, bit for bit.</summary>
    public sealed record GeneratorOptions
    {
        /// <summary>Seed of every random choice.</summary>
        public int Seed { get; init; } = 1;

        /// <summary>Seconds of traffic.</summary>
        public double DurationSeconds { get; init; } = 60;

        /// <summary>Bus bit rate; frame durations and arbitration follow from it.</summary>
        public int BitRate { get; init; } = 500_000;

        /// <summary>Timestamp of the start, in Unix microseconds (default: the Car-Hacking captures' day).</summary>
        public long StartUs { get; init; } = 1_478_198_376_000_000;

        /// <summary>
        /// Attacks injected in turn, one burst at a time (names from <see cref="TrafficClasses"/>: DoS, Fuzzing,
        /// Gear-spoof, RPM-spoof; Replay and Masquerade are the never-trained ones). Empty: benign traffic only.
        /// </summary>
        public IReadOnlyList<string> Attacks { get; init; } = [TrafficClasses.DoS, TrafficClasses.Fuzzing, TrafficClasses.GearSpoof, TrafficClasses.RpmSpoof];

        /// <summary>Shortest attack burst, seconds (Car-Hacking: 3).</summary>
        public double BurstMinSeconds { get; init; } = 3;

        /// <summary>Longest attack burst, seconds (Car-Hacking: 5).</summary>
        public double BurstMaxSeconds { get; init; } = 5;

        /// <summary>Shortest benign gap between bursts, seconds.</summary>
        public double GapMinSeconds { get; init; } = 2;

        /// <summary>Longest benign gap between bursts, seconds.</summary>
        public double GapMaxSeconds { get; init; } = 6;

        /// <summary>Benign seconds before the first burst.</summary>
        public double LeadInSeconds { get; init; } = 2;
    }
}
