using System;
using System.IO;
using System.Linq;
using System.Text;
using CanIds.Traffic.Files;

namespace CanIds.Traffic.Formats
{
    /// <summary>The CAN log formats the tools read and write.</summary>
    public enum LogFormat
    {
        /// <summary>HCRL Car-Hacking dataset CSV (<c>car-hacking</c>).</summary>
        CarHackingCsv,
        /// <summary>The Car-Hacking dataset's normal_run_data.txt (<c>car-hacking-txt</c>).</summary>
        CarHackingText,
        /// <summary>Decimal CSV <c>ID,D0..D7,label</c>, e.g. ROAD excerpts (<c>decimal-csv</c>).</summary>
        DecimalCsv,
        /// <summary>Linux can-utils candump log (<c>candump</c>).</summary>
        Candump,
        /// <summary>Vector ASC (<c>asc</c>).</summary>
        VectorAsc,
        /// <summary>PEAK-System TRC, versions 1.0 to 2.1 (<c>trc</c>).</summary>
        PeakTrc,
        /// <summary>Vector BLF, the binary logging format (<c>blf</c>).</summary>
        VectorBlf,
    }

    /// <summary>Opening, creating and recognising logs.</summary>
    public static class LogFormats
    {
        private static readonly (LogFormat Format, string Name)[] Names =
        [
            (LogFormat.CarHackingCsv, "car-hacking"),
            (LogFormat.CarHackingText, "car-hacking-txt"),
            (LogFormat.DecimalCsv, "decimal-csv"),
            (LogFormat.Candump, "candump"),
            (LogFormat.VectorAsc, "asc"),
            (LogFormat.PeakTrc, "trc"),
            (LogFormat.VectorBlf, "blf"),
        ];

        /// <summary>Every format's command-line name.</summary>
        public static string[] AllNames => Names.Select(n => n.Name).ToArray();

        /// <summary>The command-line name of <paramref name="format"/>.</summary>
        public static string Name(LogFormat format) => Names.First(n => n.Format == format).Name;

        /// <summary>The format named <paramref name="name"/> on the command line.</summary>
        public static LogFormat Parse(string name) =>
            Names.FirstOrDefault(n => n.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { Name: not null } found
                ? found.Format
                : throw new ArgumentException($"unknown log format \"{name}\"; expected one of {string.Join(", ", AllNames)}");

        /// <summary>Opens <paramref name="path"/> for reading, in <paramref name="format"/> or, when null, the format its content shows.</summary>
        public static CanLogReader Open(string path, LogFormat? format = null, ReadOptions? options = null)
        {
            options ??= new ReadOptions();
            CommandInputs.Add(path);
            var chosen = format ?? Detect(path);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            try
            {
                return Open(stream, path, chosen, options);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>Reads <paramref name="stream"/> as <paramref name="format"/>; errors name <paramref name="path"/>.</summary>
        public static CanLogReader Open(Stream stream, string path, LogFormat format, ReadOptions options) => format switch
        {
            LogFormat.CarHackingCsv => new CarHackingCsv.Reader(path, stream, options),
            LogFormat.CarHackingText => new CarHackingText.Reader(path, stream, options),
            LogFormat.DecimalCsv => new DecimalCsv.Reader(path, stream, options),
            LogFormat.Candump => new Candump.Reader(path, stream, options),
            LogFormat.VectorAsc => new VectorAsc.Reader(path, stream, options),
            LogFormat.PeakTrc => new PeakTrc.Reader(path, stream, options),
            LogFormat.VectorBlf => new VectorBlf.Reader(path, stream, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };

        /// <summary>A writer of <paramref name="format"/> to <paramref name="path"/>; call Complete() to put the file in place.</summary>
        public static CanLogWriter Create(string path, LogFormat format, WriteOptions? options = null)
        {
            options ??= new WriteOptions();
            return format switch
            {
                LogFormat.CarHackingCsv => new CarHackingCsv.Writer(path, options),
                LogFormat.CarHackingText => new CarHackingText.Writer(path, options),
                LogFormat.DecimalCsv => new DecimalCsv.Writer(path, options),
                LogFormat.Candump => new Candump.Writer(path, options),
                LogFormat.VectorAsc => new VectorAsc.Writer(path, options),
                LogFormat.PeakTrc => new PeakTrc.Writer(path, options),
                LogFormat.VectorBlf => new VectorBlf.Writer(path, options),
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            };
        }

        // "vcan0  1F4   [4]  01 02 03 04": candump's screen format without a timestamp
        private static bool IsCandumpScreen(string line) =>
            System.Text.RegularExpressions.Regex.IsMatch(line, @"^\S+\s+((RX|TX)\s+\S\s+\S\s+)?[0-9A-Fa-f]{3,8}\s+\[\d{1,2}\]");

        /// <summary>
        /// The format of <paramref name="path"/>, from its first non-blank lines (not its name).
        /// </summary>
        /// <exception cref="CanLogFormatException">No format matches; the message shows the first line.</exception>
        public static LogFormat Detect(string path)
        {
            using var stream = File.OpenRead(path);
            var head = new byte[8192];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n >= 4 && head.AsSpan(0, 4).SequenceEqual("LOGG"u8)) return LogFormat.VectorBlf;
            var text = Encoding.Latin1.GetString(head, 0, n);
            if (text.StartsWith('\uFEFF') || text.StartsWith("\u00EF\u00BB\u00BF")) text = text[(text.StartsWith('\uFEFF') ? 1 : 3)..];
            if (text.StartsWith("\u00FF\u00FE") || text.StartsWith("\u00FE\u00FF"))
                throw new CanLogFormatException(path, 0, "encoding", "UTF-16/32 text (byte-order mark); expected ASCII or UTF-8 text");
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).Take(3).ToArray();
            if (lines.Length == 0) throw new CanLogFormatException(path, 0, "file", "empty: no line to recognise a log format by");
            var first = lines[0].TrimStart();
            if (first.StartsWith('(') || IsCandumpScreen(first)) return LogFormat.Candump;
            if (first.StartsWith(';')) return LogFormat.PeakTrc;
            if (first.StartsWith("Timestamp:", StringComparison.Ordinal)) return LogFormat.CarHackingText;
            if (first.StartsWith("date ", StringComparison.Ordinal) || first.StartsWith("base ", StringComparison.Ordinal)
                || first.StartsWith("//", StringComparison.Ordinal) || first.StartsWith("Begin Triggerblock", StringComparison.OrdinalIgnoreCase))
                return LogFormat.VectorAsc;
            var sample = lines.Length > 1 && !char.IsDigit(first[0]) ? lines[1] : first; // a CSV header line
            var fields = sample.Split(',');
            if (fields.Length >= 4 && fields[^1].Trim() is "R" or "T") return LogFormat.CarHackingCsv;
            if (fields.Length == 10 && fields.All(f => f.Trim().Length > 0 && f.Trim().All(c => char.IsDigit(c) || c == '.'))) return LogFormat.DecimalCsv;
            if (System.Text.RegularExpressions.Regex.IsMatch(first, @"^\d+\)\s")) return LogFormat.PeakTrc; // TRC 1.0 without its header
            var shown = first.Length > 60 ? first[..60] + "…" : first;
            throw new CanLogFormatException(path, 1, "format", $"not recognised from \"{shown}\"; expected one of {string.Join(", ", AllNames)} (name it with --format)");
        }
    }
}
