using System.Collections.Generic;

namespace CanIds.Traffic.Formats
{
    /// <summary>How a log is written.</summary>
    public sealed record WriteOptions
    {
        /// <summary>
        /// Numeric label of each class for formats with numeric labels (the decimal CSV): its index here. A label not
        /// in the list is written as the index of "Attack" when the list has it. The label file keeps the names anyway.
        /// </summary>
        public IReadOnlyList<string> ClassNames { get; init; } = [TrafficClasses.Benign, TrafficClasses.Attack];

        /// <summary>Interface name prefix of candump logs (channel n is written as PREFIXn).</summary>
        public string InterfacePrefix { get; init; } = "can";
    }
}
