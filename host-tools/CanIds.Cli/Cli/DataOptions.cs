using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CanIds.Core;
using CanIds.Traffic;
using CanIds.Traffic.Formats;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using Spectre.Console;

namespace CanIds.Cli.Cli
{
    /// <summary>
    /// Where a verb's labelled traffic comes from: log files (any supported format, labels from the log or its label
    /// file) or, with --generate, synthetic Car-Hacking-style traffic. Shared by train, evaluate, export and explore.
    /// </summary>
    public sealed class DataOptions
    {
        private readonly Argument<string[]> _logs;
        private readonly Option<string?> _format = FormatOption.Create("--format", "Format of the logs; default: recognised from each file");
        private readonly Option<bool> _skip = new("--skip-malformed") { Description = "Skip malformed log lines and count them, instead of stopping at the first." };
        private readonly Option<string?> _attackLabel = new("--attack-label") { Description = "Class of Car-Hacking rows flagged T; default from the file name." };
        private readonly Option<string> _labelNames = new("--label-names") { Description = "Class names by number for numeric labels (decimal CSV).", DefaultValueFactory = _ => "Benign,Attack" };
        private readonly Option<double> _generate;
        private readonly Option<int> _seed;
        private readonly Option<string> _attacks = new("--attacks") { Description = "Attacks of generated traffic: 'car-hacking', 'all', or a list.", DefaultValueFactory = _ => "car-hacking" };
        private readonly Option<int> _window = new("--window", "-n") { Description = "Frames per window (N): inputs are N × 10 bytes.", DefaultValueFactory = _ => InputFormat.DefaultWindowFrames };

        /// <summary>Options whose --generate default is <paramref name="defaultSeconds"/> s with seed <paramref name="defaultSeed"/>.</summary>
        public DataOptions(string logsDescription, double defaultSeconds, int defaultSeed, bool withWindow = true)
        {
            _logs = new Argument<string[]>("logs") { Description = logsDescription, Arity = ArgumentArity.ZeroOrMore };
            _generate = new Option<double>("--generate") { Description = "Without logs: seconds of generated traffic.", DefaultValueFactory = _ => defaultSeconds };
            _seed = new Option<int>("--seed") { Description = "Seed of the generated traffic.", DefaultValueFactory = _ => defaultSeed };
            WithWindow = withWindow;
        }

        private bool WithWindow { get; }

        /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
        public void AddTo(Command command)
        {
            command.Arguments.Add(_logs);
            foreach (var option in new Option[] { _format, _skip, _attackLabel, _labelNames, _generate, _seed, _attacks }) command.Options.Add(option);
            if (WithWindow) command.Options.Add(_window);
        }

        /// <summary>The window length chosen.</summary>
        public int Window(ParseResult parse) => parse.GetValue(_window);

        /// <summary>Describes the data for reports and model provenance.</summary>
        public string Describe(ParseResult parse)
        {
            var logs = parse.GetValue(_logs) ?? [];
            return logs.Length > 0
                ? string.Join(", ", logs.Select(Path.GetFileName))
                : $"generated {parse.GetValue(_generate):0.#} s, seed {parse.GetValue(_seed)}, attacks {parse.GetValue(_attacks)}";
        }

        /// <summary>The windows, labelled over <paramref name="classes"/> (or the classes the data carries when null).</summary>
        /// <remarks>
        /// With <paramref name="randomTails"/> the frames are as the device sees them: 8 data bytes, random past each
        /// frame's length (<see cref="DevicePadding"/>).
        /// </remarks>
        public WindowSet Load(ParseResult parse, int windowFrames, IReadOnlyList<string>? classes, bool randomTails = false)
        {
            var logs = parse.GetValue(_logs) ?? [];
            WindowSet set;
            IEnumerable<CanRecord> Device(IEnumerable<CanRecord> records) => randomTails ? DevicePadding.RandomTails(records, PaddingSeed) : records;
            if (logs.Length == 0)
            {
                var options = Generator(parse);
                set = AnsiConsole.Status().Start($"generating {options.DurationSeconds:0.#} s of traffic (seed {options.Seed})", _ =>
                    WindowSet.FromRecordsDiscoveringClasses(Device(TrafficGenerator.Generate(options)), windowFrames));
                if (classes == null)
                {
                    // Generated traffic names every trained attack even where a short run lacks one.
                    classes = WindowSet.OrderClasses(set.Classes.Concat(options.Attacks.Where(a => TrafficClasses.CarHacking.Contains(a))).Distinct());
                }
            }
            else
            {
                set = WindowSet.Concat(logs.Select(path => AnsiConsole.Status().Start($"reading {Path.GetFileName(path)}", _ =>
                    WindowSet.FromRecordsDiscoveringClasses(Device(ReadLog(parse, path)), windowFrames))).ToList());
            }

            NotEmpty(set.Count, logs, windowFrames);
            return classes == null ? set : set.WithClasses(classes);
        }

        // No window is nothing to train or score on: an error naming the logs, not "accuracy 0 %".
        private static void NotEmpty(int windows, IReadOnlyList<string> logs, int windowFrames)
        {
            if (windows > 0) return;
            throw new InvalidDataException(logs.Count == 0
                ? "the generated traffic holds no window"
                : $"{string.Join(", ", logs)}: no window of {windowFrames} frames (the log{(logs.Count > 1 ? "s hold" : " holds")} fewer frames than one window)");
        }

        /// <summary>
        /// Windows to score on, labelled over <paramref name="classes"/>: <paramref name="logs"/> when given (read with
        /// the same format options), else generated traffic of the next seed, a third as long as the training traffic.
        /// </summary>
        public WindowSet LoadHeldout(ParseResult parse, IReadOnlyList<string> logs, int windowFrames, IReadOnlyList<string> classes)
        {
            if (logs.Count > 0)
            {
                var read = WindowSet.Concat(logs.Select(path => AnsiConsole.Status().Start($"reading {Path.GetFileName(path)}", _ =>
                    WindowSet.FromRecordsDiscoveringClasses(ReadLog(parse, path), windowFrames))).ToList());
                NotEmpty(read.Count, logs, windowFrames);
                return read.WithClasses(classes);
            }

            var options = Generator(parse);
            options = new GeneratorOptions { DurationSeconds = options.DurationSeconds / 3, Seed = options.Seed + 1, Attacks = options.Attacks };
            return AnsiConsole.Status().Start($"generating {options.DurationSeconds:0.#} s of held-out traffic (seed {options.Seed})", _ =>
                WindowSet.FromRecordsDiscoveringClasses(TrafficGenerator.Generate(options), windowFrames)).WithClasses(classes);
        }

        /// <summary>The frames, in order (several logs one after another).</summary>
        public List<CanRecord> LoadRecords(ParseResult parse)
        {
            var logs = parse.GetValue(_logs) ?? [];
            if (logs.Length > 0)
            {
                var records = logs.SelectMany(path => AnsiConsole.Status().Start($"reading {Path.GetFileName(path)}", _ => ReadLog(parse, path).ToList())).ToList();
                if (records.Count == 0) throw new InvalidDataException($"{string.Join(", ", logs)}: no frames");
                return records;
            }

            var options = Generator(parse);
            return AnsiConsole.Status().Start($"generating {options.DurationSeconds:0.#} s of traffic (seed {options.Seed})", _ => TrafficGenerator.Generate(options).ToList());
        }

        /// <summary>Seed of the random bytes past each frame's length when frames are taken as the device sees them.</summary>
        public const int PaddingSeed = 8;

        private GeneratorOptions Generator(ParseResult parse)
        {
            double seconds = parse.GetValue(_generate);
            if (!(seconds > 0)) throw new ArgumentException("give logs, or --generate SECONDS of synthetic traffic");
            return new GeneratorOptions { DurationSeconds = seconds, Seed = parse.GetValue(_seed), Attacks = Commands.GenerateCommand.ParseAttacks(parse.GetValue(_attacks)!) };
        }

        // Streams a log's frames; what was skipped is reported once it is read.
        private IEnumerable<CanRecord> ReadLog(ParseResult parse, string path)
        {
            var read = new ReadOptions
            {
                SkipMalformed = parse.GetValue(_skip),
                AttackLabel = parse.GetValue(_attackLabel),
                ClassNames = parse.GetValue(_labelNames)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            };
            var format = parse.GetValue(_format) is { } name ? LogFormats.Parse(name) : (LogFormat?)null;
            if (!File.Exists(path)) throw new FileNotFoundException(null, path);
            using var reader = LogFormats.Open(path, format, read);
            foreach (var record in reader.ReadAll()) yield return record;
            if (reader.Summary.Skipped > 0) AnsiConsole.MarkupLine(Markup.Escape($"{path}: {reader.Summary}"));
        }
    }
}
