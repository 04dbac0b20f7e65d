using System.Collections.Generic;

namespace CanIds.Traffic.Formats
{
    /// <summary>How a log is read.</summary>
    public sealed record ReadOptions
    {
        /// <summary>Skip malformed lines and count them in <see cref="CanLogReader.Summary"/> instead of stopping at the first.</summary>
        public bool SkipMalformed { get; init; }

        /// <summary>
        /// Class of a Car-Hacking row flagged T (injected). Null: inferred from the file name (DoS_dataset → DoS,
        /// Fuzzy → Fuzzing, gear → Gear-spoof, RPM → RPM-spoof), else "Attack".
        /// </summary>
        public string? AttackLabel { get; init; }

        /// <summary>Class names by index for logs with numeric labels (the decimal CSV): 0.0 → [0], 1.0 → [1]...</summary>
        public IReadOnlyList<string> ClassNames { get; init; } = [TrafficClasses.Benign, TrafficClasses.Attack];

        /// <summary>Take labels from the log's side file (<c>LOG.labels</c>) when there is one.</summary>
        public bool UseLabelFile { get; init; } = true;
    }
}
