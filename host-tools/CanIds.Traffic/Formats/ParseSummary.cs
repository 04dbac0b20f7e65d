using System.Collections.Generic;
using System.Linq;

namespace CanIds.Traffic.Formats
{
    /// <summary>What a reader saw: frames, other lines (headers, comments, bus events) and malformed lines skipped.</summary>
    public sealed class ParseSummary
    {
        private readonly List<string> _examples = new();
        private readonly Dictionary<string, long> _byField = new();

        /// <summary>Frames returned.</summary>
        public long Frames { get; internal set; }

        /// <summary>Lines that are not frames by the format's own rules (headers, comments, error frames, events).</summary>
        public long OtherLines { get; internal set; }

        /// <summary>Error frames (bus events; counted among <see cref="OtherLines"/>, never returned as frames).</summary>
        public long ErrorFrames { get; internal set; }

        /// <summary>Malformed lines skipped (only with <see cref="ReadOptions.SkipMalformed"/>).</summary>
        public long Skipped { get; internal set; }

        /// <summary>Skipped lines by the field that failed.</summary>
        public IReadOnlyDictionary<string, long> SkippedByField => _byField;

        /// <summary>The first few skipped lines' errors, with file and line.</summary>
        public IReadOnlyList<string> Examples => _examples;

        internal void RecordSkip(CanLogFormatException error)
        {
            Skipped++;
            _byField[error.Field] = _byField.GetValueOrDefault(error.Field) + 1;
            if (_examples.Count < 5) _examples.Add(error.Message);
        }

        private string ErrorNote => ErrorFrames > 0 ? $" ({ErrorFrames:N0} error frames)" : "";

        /// <inheritdoc />
        public override string ToString() =>
            Skipped == 0
                ? $"{Frames:N0} frames, {OtherLines:N0} other lines{ErrorNote}"
                : $"{Frames:N0} frames, {OtherLines:N0} other lines{ErrorNote}, {Skipped:N0} malformed lines skipped ("
                  + string.Join(", ", _byField.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}: {kv.Value:N0}")) + ")";
    }
}
