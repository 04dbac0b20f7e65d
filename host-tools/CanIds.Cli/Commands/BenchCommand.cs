using System;
using System.CommandLine;
using System.IO;
using CanIds.Cli.Bench;
using CanIds.Cli.Cli;
using CanIds.Traffic.Formats;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids bench`: measured figures, each against a baseline run in the same process.</summary>
    public static class BenchCommand
    {
        /// <summary>Builds the command and its subjects.</summary>
        public static Command Create()
        {
            var command = new Command("bench", "Measure throughput; each figure comes with a baseline measured in the same run.");
            command.Subcommands.Add(CreateParse());
            return command;
        }

        private static Command CreateParse()
        {
            var frames = new Option<long>("--frames") { Description = "Frames per test log.", DefaultValueFactory = _ => 2_000_000 };
            var repeats = new Option<int>("--repeats") { Description = "Measured runs per format (the median is reported).", DefaultValueFactory = _ => 5 };
            var output = new Option<string>("--output", "-o") { Description = "Folder for the report (bench-parse.md).", DefaultValueFactory = _ => "bench" };
            var keep = new Option<bool>("--keep-logs") { Description = "Keep the generated test logs (in OUTPUT/logs)." };
            var command = new Command("parse", "Log parsing throughput per format on one core (frames/s, MB/s) against a newline-count baseline.") { frames, repeats, output, keep };
            command.SetAction(parse => Guarded.Run(() =>
            {
                long n = parse.GetValue(frames);
                int runs = parse.GetValue(repeats);
                if (n < 1000) throw new ArgumentException("--frames must be at least 1,000");
                if (runs < 1) throw new ArgumentException("--repeats must be at least 1");
                var folder = parse.GetValue(output)!;
                var logs = Path.Combine(folder, "logs");
                try
                {
                    var results = AnsiConsole.Progress().AutoClear(true).Start(progress =>
                    {
                        var task = progress.AddTask("bench parse", maxValue: 1);
                        return ParseBenchmark.Run(logs, n, runs, (what, done) =>
                        {
                            task.Description = what;
                            task.Value = done;
                        });
                    });
                    var markdown = ParseBenchmark.ToMarkdown(results, runs);
                    File.WriteAllText(Path.Combine(folder, "bench-parse.md"), "# canids bench parse\n\n" + markdown);
                    var table = new Table().AddColumns("format", "frames", "parse frames/s", "parse MB/s", "baseline MB/s", "parse / baseline");
                    foreach (var r in results)
                    {
                        table.AddRow(LogFormats.Name(r.Format), r.Frames.ToString("N0"), $"{r.FramesPerSecond / 1e6:F2} M", r.MegabytesPerSecond.ToString("F0"), r.BaselineMegabytesPerSecond.ToString("F0"), $"{r.Ratio:F1}×");
                    }

                    AnsiConsole.Write(table);
                    AnsiConsole.WriteLine($"report: {Path.Combine(folder, "bench-parse.md")}");
                    return ExitCodes.Ok;
                }
                finally
                {
                    if (!parse.GetValue(keep) && Directory.Exists(logs)) Directory.Delete(logs, recursive: true);
                }
            }));
            return command;
        }
    }
}
