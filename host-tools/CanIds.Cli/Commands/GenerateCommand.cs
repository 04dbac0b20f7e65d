using System;
using System.CommandLine;
using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Traffic;
using CanIds.Traffic.Formats;
using CanIds.Traffic.Generation;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids generate`: labelled synthetic traffic with Car-Hacking-style attacks, in any log format.</summary>
    public static class GenerateCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var output = new Option<string>("--output", "-o") { Description = "Log file to write (its labels go to FILE.labels).", Required = true };
            var format = FormatOption.Create("--format", "Log format; default from the extension (.log candump, .asc asc, .trc trc, .blf blf)");
            var duration = new Option<double>("--duration", "-d") { Description = "Seconds of traffic.", DefaultValueFactory = _ => 600 };
            var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same frames.", DefaultValueFactory = _ => 1 };
            var attacks = new Option<string>("--attacks")
            {
                Description = $"Attacks injected in turn, comma-separated from {string.Join(", ", TrafficGenerator.KnownAttacks)}; 'car-hacking' (the four trained ones), 'all', or 'none'.",
                DefaultValueFactory = _ => "car-hacking",
            };
            var bitRate = new Option<int>("--bitrate") { Description = "Bus bit rate in bit/s.", DefaultValueFactory = _ => 500_000 };

            var command = new Command("generate", "Generate labelled CAN traffic: a simulated car's periodic ECUs on an arbitrating bus, with attack bursts of 3-5 s.")
            {
                output, format, duration, seed, attacks, bitRate,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var path = parse.GetValue(output)!;
                var options = new GeneratorOptions
                {
                    DurationSeconds = parse.GetValue(duration),
                    Seed = parse.GetValue(seed),
                    Attacks = ParseAttacks(parse.GetValue(attacks)!),
                    BitRate = parse.GetValue(bitRate),
                };
                return Run(path, FormatOption.ForOutput(parse.GetValue(format), path), options);
            }));
            return command;
        }

        /// <summary>"car-hacking", "all", "none" or a comma-separated list of attack names.</summary>
        public static string[] ParseAttacks(string text) => text.Trim().ToLowerInvariant() switch
        {
            "car-hacking" => [TrafficClasses.DoS, TrafficClasses.Fuzzing, TrafficClasses.GearSpoof, TrafficClasses.RpmSpoof],
            "all" => [.. TrafficGenerator.KnownAttacks],
            "none" or "" => [],
            _ => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(a => TrafficGenerator.KnownAttacks.FirstOrDefault(k => k.Equals(a, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"unknown attack \"{a}\" in --attacks; known: {string.Join(", ", TrafficGenerator.KnownAttacks)}"))
                .ToArray(),
        };

        /// <summary>Writes generated traffic to <paramref name="path"/> (labels to PATH.labels where the format needs them) and prints its class counts.</summary>
        public static int Run(string path, LogFormat format, GeneratorOptions options)
        {
            var counts = new ClassCounts();
            var frames = TrafficGenerator.Generate(options); // validates before anything is written
            using var writer = LogFormats.Create(path, format);
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"generating {options.DurationSeconds:N0} s", maxValue: options.DurationSeconds);
                    foreach (var frame in frames)
                    {
                        writer.Write(frame);
                        counts.Add(frame.Label);
                        if ((counts.Total & 0x3FFF) == 0) task.Value = (frame.TimestampUs - options.StartUs) / 1e6;
                    }

                    task.Value = options.DurationSeconds;
                });
            writer.Complete();
            AnsiConsole.Write(counts.ToTable($"{path} ({LogFormats.Name(format)}, seed {options.Seed})"));
            return ExitCodes.Ok;
        }
    }
}
