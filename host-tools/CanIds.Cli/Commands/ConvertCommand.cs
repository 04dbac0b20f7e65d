using System;
using System.CommandLine;
using System.IO;
using CanIds.Cli.Cli;
using CanIds.Traffic;
using CanIds.Traffic.Formats;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids convert`: one log format to another, labels kept (in the label file where the format has none).</summary>
    public static class ConvertCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var input = new Argument<string>("input") { Description = "Log to read." };
            var output = new Option<string>("--output", "-o") { Description = "Log to write; replaced only when the whole conversion succeeds.", Required = true };
            var from = FormatOption.Create("--from", "Input format; default: recognised from the content");
            var to = FormatOption.Create("--to", "Output format; default from the extension (.log candump, .asc asc, .trc trc, .blf blf)");
            var skip = new Option<bool>("--skip-malformed") { Description = "Skip malformed lines and count them, instead of stopping at the first." };
            var attackLabel = new Option<string?>("--attack-label") { Description = "Class of Car-Hacking rows flagged T; default from the file name (DoS_dataset.csv: DoS...)." };
            var classes = new Option<string>("--classes") { Description = "Class names by number for numeric labels (decimal CSV), comma-separated.", DefaultValueFactory = _ => "Benign,Attack" };
            var period = new Option<long>("--period-us") { Description = "Give frames without timestamps (decimal CSV) one every N µs, for formats that need them.", DefaultValueFactory = _ => 0 };

            var command = new Command("convert", $"Convert a CAN log between formats: {string.Join(", ", LogFormats.AllNames)}.")
            {
                input, output, from, to, skip, attackLabel, classes, period,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var inPath = parse.GetValue(input)!;
                var outPath = parse.GetValue(output)!;
                if (!File.Exists(inPath)) throw new FileNotFoundException(null, inPath);
                if (Path.GetFullPath(inPath) == Path.GetFullPath(outPath)) throw new ArgumentException("the output must not be the input");
                var readOptions = new ReadOptions
                {
                    SkipMalformed = parse.GetValue(skip),
                    AttackLabel = parse.GetValue(attackLabel),
                    ClassNames = parse.GetValue(classes)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                };
                var fromName = parse.GetValue(from);
                return Run(inPath, fromName == null ? null : LogFormats.Parse(fromName), readOptions, outPath, FormatOption.ForOutput(parse.GetValue(to), outPath), parse.GetValue(period));
            }));
            return command;
        }

        private static int Run(string inPath, LogFormat? inFormat, ReadOptions readOptions, string outPath, LogFormat outFormat, long periodUs)
        {
            if (periodUs < 0) throw new ArgumentException("--period-us must be positive");
            using var reader = LogFormats.Open(inPath, inFormat, readOptions);
            using var writer = LogFormats.Create(outPath, outFormat, new WriteOptions { ClassNames = readOptions.ClassNames });
            var counts = new ClassCounts();
            long length = new FileInfo(inPath).Length;
            long index = 0;
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"{Path.GetFileName(inPath)} → {Path.GetFileName(outPath)}", maxValue: Math.Max(1, length));
                    while (reader.Read(out var record))
                    {
                        if (!record.HasTimestamp && periodUs > 0) record.TimestampUs = index * periodUs;
                        writer.Write(record);
                        counts.Add(record.Label);
                        if ((++index & 0x3FFF) == 0) task.Value = reader.BytesRead;
                    }

                    task.Value = length;
                });
            writer.Complete();
            AnsiConsole.Write(counts.ToTable($"{outPath} ({LogFormats.Name(outFormat)}) from {inPath} ({LogFormats.Name(reader.Format)})"));
            AnsiConsole.MarkupLine(Markup.Escape($"read: {reader.Summary}"));
            foreach (var example in reader.Summary.Examples) AnsiConsole.MarkupLine("  [yellow]skipped[/] " + Markup.Escape(example));
            return ExitCodes.Ok;
        }
    }
}
