using System.CommandLine;
using System.IO;
using CanIds.Traffic.Formats;

namespace CanIds.Cli.Cli
{
    /// <summary>The --format style options every verb shares.</summary>
    public static class FormatOption
    {
        /// <summary>An option naming a log format (completions list them all).</summary>
        public static Option<string?> Create(string name, string description)
        {
            var option = new Option<string?>(name) { Description = $"{description} ({string.Join(", ", LogFormats.AllNames)})" };
            option.AcceptOnlyFromAmong(LogFormats.AllNames);
            return option;
        }

        /// <summary>The format to write <paramref name="path"/> in: the one named, else the one its extension implies.</summary>
        public static LogFormat ForOutput(string? named, string path) =>
            named != null ? LogFormats.Parse(named) : Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".log" => LogFormat.Candump,
                ".asc" => LogFormat.VectorAsc,
                ".trc" => LogFormat.PeakTrc,
                ".blf" => LogFormat.VectorBlf,
                _ => throw new System.ArgumentException($"cannot tell the output format from \"{Path.GetFileName(path)}\": name it with --to/--format ({string.Join(", ", LogFormats.AllNames)})"),
            };
    }
}
