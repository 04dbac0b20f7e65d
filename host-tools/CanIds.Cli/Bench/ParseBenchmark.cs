using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CanIds.Traffic;
using CanIds.Traffic.Formats;
using CanIds.Traffic.Generation;

namespace CanIds.Cli.Bench
{
    /// <summary>
    /// Log parsing throughput on one core: the same generated traffic written in every format, each file parsed to the
    /// end; the baseline, run in the same process on the same file, is a bare newline count (the floor of reading and
    /// splitting lines). Median of several runs, baseline and parse interleaved so machine noise hits both.
    /// </summary>
    public static class ParseBenchmark
    {
        /// <summary>One format's figures.</summary>
        public sealed record Result(LogFormat Format, long Frames, long Bytes, double BaselineSeconds, double ParseSeconds)
        {
            /// <summary>Frames parsed per second.</summary>
            public double FramesPerSecond => Frames / ParseSeconds;
            /// <summary>Megabytes (10^6) parsed per second.</summary>
            public double MegabytesPerSecond => Bytes / 1e6 / ParseSeconds;
            /// <summary>Megabytes per second of the baseline newline scan.</summary>
            public double BaselineMegabytesPerSecond => Bytes / 1e6 / BaselineSeconds;
            /// <summary>Parse time over baseline time.</summary>
            public double Ratio => ParseSeconds / BaselineSeconds;
        }

        /// <summary>Writes <paramref name="frames"/> frames per format into <paramref name="directory"/> and measures each.</summary>
        public static List<Result> Run(string directory, long frames, int repeats, Action<string, double> progress)
        {
            Directory.CreateDirectory(directory);
            var formats = Enum.GetValues<LogFormat>();
            var paths = formats.ToDictionary(f => f, f => Path.Combine(directory, "bench." + LogFormats.Name(f)));
            var writers = formats.ToDictionary(f => f, f => LogFormats.Create(paths[f], f));
            try
            {
                var options = new GeneratorOptions { Seed = 1, DurationSeconds = frames / 1500.0 + 10 };
                long written = 0;
                foreach (var frame in TrafficGenerator.Generate(options).Take((int)frames))
                {
                    foreach (var writer in writers.Values) writer.Write(frame);
                    if ((++written & 0xFFFF) == 0) progress("writing test logs", (double)written / frames);
                }

                if (written < frames) throw new InvalidOperationException($"the generator produced only {written:N0} frames");
                foreach (var writer in writers.Values) writer.Complete();
            }
            finally
            {
                foreach (var writer in writers.Values) writer.Dispose();
            }

            var results = new List<Result>();
            int step = 0;
            foreach (var format in formats)
            {
                var baseline = new List<double>();
                var parse = new List<double>();
                long parsed = 0;
                for (int run = 0; run <= repeats; run++) // run 0 warms up the JIT and the page cache
                {
                    progress($"parsing {LogFormats.Name(format)}", (double)step++ / (formats.Length * (repeats + 1)));
                    var b = Time(() => CountLines(paths[format]));
                    var p = Time(() => parsed = Parse(paths[format], format));
                    if (run == 0) continue;
                    baseline.Add(b);
                    parse.Add(p);
                }

                if (parsed != frames) throw new InvalidOperationException($"{paths[format]}: parsed {parsed:N0} frames, wrote {frames:N0}");
                results.Add(new Result(format, frames, new FileInfo(paths[format]).Length, Median(baseline), Median(parse)));
            }

            return results;
        }

        /// <summary>The figures as a markdown table.</summary>
        public static string ToMarkdown(IReadOnlyList<Result> results, int repeats) =>
            $"Log parsing on one core: median of {repeats} runs; baseline = newline count of the same file in the same process.\n\n"
            + "| format | frames | file MB | parse frames/s | parse MB/s | baseline MB/s | parse / baseline time |\n|---|---:|---:|---:|---:|---:|---:|\n"
            + string.Concat(results.Select(r => $"| {LogFormats.Name(r.Format)} | {r.Frames:N0} | {r.Bytes / 1e6:F1} | {r.FramesPerSecond / 1e6:F2} M | {r.MegabytesPerSecond:F0} | {r.BaselineMegabytesPerSecond:F0} | {r.Ratio:F1}× |\n"));

        private static long Parse(string path, LogFormat format)
        {
            using var reader = LogFormats.Open(path, format, new ReadOptions { UseLabelFile = false });
            long n = 0;
            while (reader.Read(out _)) n++;
            return n;
        }

        private static long CountLines(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[1 << 20];
            long lines = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) lines += buffer.AsSpan(0, n).Count((byte)'\n');
            return lines;
        }

        private static double Time(Action action)
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalSeconds;
        }

        private static double Median(List<double> values)
        {
            values.Sort();
            return values[values.Count / 2];
        }
    }
}
