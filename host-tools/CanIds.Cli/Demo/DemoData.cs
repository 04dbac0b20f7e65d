using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CanIds.Cli.Commands;
using CanIds.Hil.Replay;
using CanIds.Traffic;
using CanIds.Traffic.Formats;
using CanIds.Traffic.Generation;
using Spectre.Console;

namespace CanIds.Cli.Demo
{
    /// <summary>The demo's training and held-out frames: two generated logs written and read back, or the user's logs split in time.</summary>
    public static class DemoData
    {
        /// <summary>Training frames, held-out frames, and a description for reports.</summary>
        public static (List<CanRecord> Train, List<CanRecord> Heldout, string Description) Load(DemoPlan plan)
        {
            if (plan.Logs.Count == 0)
            {
                // Written as candump logs with label files and read back: the demo goes through the file formats users have.
                var dir = Path.Combine(plan.Output, "data");
                Directory.CreateDirectory(dir);
                var trainPath = Path.Combine(dir, "train.log");
                var heldoutPath = Path.Combine(dir, "heldout.log");
                GenerateCommand.Run(trainPath, LogFormat.Candump, new GeneratorOptions { DurationSeconds = plan.TrainSeconds, Seed = 1 });
                GenerateCommand.Run(heldoutPath, LogFormat.Candump, new GeneratorOptions { DurationSeconds = plan.TestSeconds, Seed = 2 });
                return (Read(trainPath, null, new ReadOptions()), Read(heldoutPath, null, new ReadOptions()),
                    $"generated Car-Hacking-style traffic ({plan.TrainSeconds:0.#} s seed 1 to train, {plan.TestSeconds:0.#} s seed 2 held out)");
            }

            var train = new List<CanRecord>();
            var heldout = new List<CanRecord>();
            foreach (var path in plan.Logs)
            {
                var records = Read(path, plan.Format, new ReadOptions { AttackLabel = plan.AttackLabel });
                int split = (int)(records.Count * (1 - plan.Holdout));
                train.AddRange(records.Take(split));
                heldout.AddRange(records.Skip(split));
            }

            return (train, heldout, $"{string.Join(", ", plan.Logs.Select(Path.GetFileName))} (each log's first {100 * (1 - plan.Holdout):0} % trains, the rest is held out)");
        }

        /// <summary>Bus rate assumed for logs without timestamps (e.g. the ROAD excerpts), replayed back to back.</summary>
        public const int UntimedBitRate = 500_000;

        /// <summary>The frames of the first <paramref name="seconds"/> of <paramref name="records"/> at <paramref name="pace"/>.</summary>
        public static List<CanRecord> Prefix(List<CanRecord> records, double seconds, ReplayPace pace)
        {
            var arrivals = ReplayTiming.Arrivals(records, pace, UntimedBitRate);
            long end = (long)(seconds * 1e6);
            int n = 0;
            while (n < records.Count && arrivals[n] < end) n++;
            return records.GetRange(0, n);
        }

        /// <summary>Recorded timing where the log has timestamps, else back to back at <see cref="UntimedBitRate"/>.</summary>
        public static ReplayPace PaceOf(List<CanRecord> records) => records.Count > 0 && records.All(r => r.HasTimestamp) ? ReplayPace.Recorded : ReplayPace.FullLoad;

        private static List<CanRecord> Read(string path, LogFormat? format, ReadOptions options)
        {
            if (!File.Exists(path)) throw new FileNotFoundException(null, path);
            using var reader = LogFormats.Open(path, format, options);
            var records = AnsiConsole.Status().Start($"reading {Path.GetFileName(path)}", _ => reader.ReadAll().ToList());
            if (records.Count == 0) throw new InvalidDataException($"{path}: no frames");
            return records;
        }
    }
}
