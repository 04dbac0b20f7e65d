using System;

namespace CanIds.Traffic.Formats
{
    /// <summary>
    /// A log that does not follow its format. The message names the file, the line, the field and what was expected,
    /// e.g. <c>DoS.csv:1042: DLC: expected 0..8, found "9"</c>.
    /// </summary>
    public sealed class CanLogFormatException : Exception
    {
        /// <summary>A format error at <paramref name="line"/> (1-based; 0 for the file as a whole).</summary>
        public CanLogFormatException(string path, long line, string field, string problem)
            : base(line > 0 ? $"{path}:{line}: {field}: {problem}" : $"{path}: {field}: {problem}")
        {
            Path = path;
            Line = line;
            Field = field;
            Problem = problem;
        }

        /// <summary>The file.</summary>
        public string Path { get; }

        /// <summary>1-based line number, 0 when the problem concerns the whole file.</summary>
        public long Line { get; }

        /// <summary>The field (e.g. "CAN ID", "DLC", "DATA[3]"), or "line" / "file".</summary>
        public string Field { get; }

        /// <summary>What was expected and what was found.</summary>
        public string Problem { get; }
    }

    /// <summary>A field that does not parse; the reader adds file and line and turns it into <see cref="CanLogFormatException"/>.</summary>
    internal sealed class FieldException(string field, string problem) : Exception(problem)
    {
        public string Field { get; } = field;
    }
}
