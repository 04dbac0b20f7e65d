using CanIds.Traffic.Files;
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CanIds.Hil.Replay;
using CanIds.Model.Evaluation;
using Spectre.Console;

namespace CanIds.Cli.Replay
{
    /// <summary>A replay's report: console tables, replay.md, the latency histogram and the confusion matrix PNGs.</summary>
    public static class ReplayReport
    {
        /// <summary>Latency figures (µs) and the line-rate share, as one markdown table body, or null when not measured.</summary>
        public static string? LatencyTable(ReplayOutcome o)
        {
            if (o.MeasuredLatencies.Length == 0) return null;
            var l = o.MeasuredLatencies;
            var sb = new StringBuilder("| frames timed | min µs | p50 µs | mean µs | p99 µs | max µs | judged before the next frame arrived |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"| {l.Length:N0} | {o.Percentile(0):F0} | {o.Percentile(50):F0} | {l.Average():F1} | {o.Percentile(99):F0} | {o.Percentile(100):F0} | {o.JudgedBeforeNext:N0} ({100.0 * o.JudgedBeforeNext!.Value / o.Classes.Length:F2} %) |\n"));
            return sb.ToString();
        }

        /// <summary>Writes the report into <paramref name="dir"/>, prints the summary, and returns the markdown path.</summary>
        public static string Write(ReplayResult r, string dir, string modelName, string dataDescription)
        {
            Directory.CreateDirectory(dir);
            var o = r.Outcome;
            var s = r.Settings;
            var m = r.Evaluation.Matrix;
            Plots.ConfusionMatrix(m, Path.Combine(dir, "replay-confusion-matrix.png"), $"{modelName} via {s.Target.ToString().ToLowerInvariant()}: {o.Classes.Length:N0} frames");
            var latencies = o.MeasuredLatencies;
            if (latencies.Length > 0)
            {
                Plots.Histogram(Path.Combine(dir, "latency-histogram.png"), $"Frame arrival to verdict ({ReplayRunner.Describe(s.Target)}, {Pace(s)})", "latency (µs)", latencies,
                    [("p50", o.Percentile(50)), ("p99", o.Percentile(99)), ("max", o.Percentile(100))]);
            }

            var md = new StringBuilder();
            md.AppendLine($"# Replay of {dataDescription}");
            md.AppendLine();
            md.AppendLine($"- through {ReplayRunner.Describe(s.Target)}{(s.Target == ReplayTarget.Device ? " on " + s.Port : "")}, model {modelName}");
            md.AppendLine($"- pace: {Pace(s)}; {o.Classes.Length:N0} frames over {(o.ArrivalsUs.Length > 0 ? o.ArrivalsUs[^1] / 1e6 : 0):F2} s of bus time");
            if (s.Target == ReplayTarget.Rtl) md.AppendLine($"- FPGA: {r.Fpga}");
            if (s.Target == ReplayTarget.Rtl) md.AppendLine($"- timing: {s.Timing}");
            if (s.Target == ReplayTarget.Device) md.AppendLine("- latency: measured by the device, from queuing an injected frame to its verdict");
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- judged {o.Judged:N0} of {o.Classes.Length:N0} frames; frames dropped by the CAN driver (its receive buffer full) {o.Overruns:N0}; replay took {r.Elapsed.TotalSeconds:F1} s"));
            if (s.Target != ReplayTarget.Model) md.AppendLine($"- **bit-exact check against the integer model: {r.Mismatches:N0} mismatches** in {o.Classes.Length:N0} frames");
            md.AppendLine();
            if (LatencyTable(o) is { } table)
            {
                md.AppendLine("## Latency");
                md.AppendLine();
                md.AppendLine(table);
                md.AppendLine("![latency histogram](latency-histogram.png)");
                md.AppendLine();
            }

            md.AppendLine("## Detection");
            md.AppendLine();
            md.AppendLine(r.Evaluation.Markdown());
            md.AppendLine("![confusion matrix](replay-confusion-matrix.png)");
            var path = Path.Combine(dir, "replay.md");
            OutputFile.WriteAllText(path, md.ToString());
            Reports.ResultsJson.Write(Path.Combine(dir, "replay.json"), "canids.replay/1", Figures(r, modelName, dataDescription));
            if (r.DeviceLines.Count > 0)
            {
                File.WriteAllLines(Path.Combine(dir, "device-report.log"), r.DeviceLines);
                File.WriteAllLines(Path.Combine(dir, "device-report.jsonl"), r.DeviceLines.Select(Reports.DeviceReportJson.Line));
            }

            var summary = new Table().Title("replay").AddColumns("figure", "value");
            void Row(string figure, string value) => summary.AddRow(Markup.Escape(figure), Markup.Escape(value));
            Row("frames judged", $"{o.Judged:N0} of {o.Classes.Length:N0}");
            if (s.Target != ReplayTarget.Model) Row("mismatches vs integer model", r.Mismatches.ToString("N0", CultureInfo.InvariantCulture));
            Row("accuracy", $"{m.Accuracy:F4} %");
            Row("false-positive rate", $"{m.FalsePositiveRate:F4} %");
            if (o.JudgedBeforeNext is { } n)
            {
                Row("latency p50 / p99 / max", $"{Us(o.Percentile(50))} / {Us(o.Percentile(99))} / {Us(o.Percentile(100))} µs");
                Row("judged before the next frame", $"{100.0 * n / o.Classes.Length:F2} %");
            }

            AnsiConsole.Write(summary);
            AnsiConsole.MarkupLine(Markup.Escape($"report: {path}"));
            return path;
        }

        /// <summary>Every figure of replay.md, for replay.json (docs/results-json.md).</summary>
        public static object Figures(ReplayResult r, string modelName, string dataDescription)
        {
            var o = r.Outcome;
            var s = r.Settings;
            var l = o.MeasuredLatencies;
            return new
            {
                data = dataDescription,
                model = modelName,
                target = s.Target.ToString().ToLowerInvariant(),
                port = s.Target == ReplayTarget.Device ? s.Port : null,
                pace = s.Pace == ReplayPace.Recorded ? "recorded" : "full-load",
                bitrate = s.BitRate,
                fpga = s.Target == ReplayTarget.Rtl ? r.Fpga : null,
                timing = s.Target == ReplayTarget.Rtl ? s.Timing.ToString() : null,
                frames = o.Classes.Length,
                bus_seconds = o.ArrivalsUs.Length > 0 ? o.ArrivalsUs[^1] / 1e6 : 0,
                judged = o.Judged,
                overruns = o.Overruns,
                mismatches = s.Target == ReplayTarget.Model ? (int?)null : r.Mismatches,
                elapsed_seconds = r.Elapsed.TotalSeconds,
                latency_us = l.Length == 0 ? null : new
                {
                    frames_timed = l.Length,
                    min = o.Percentile(0),
                    p50 = o.Percentile(50),
                    mean = l.Average(),
                    p99 = o.Percentile(99),
                    max = o.Percentile(100),
                    judged_before_next = o.JudgedBeforeNext,
                    judged_before_next_percent = o.JudgedBeforeNext is { } n ? 100.0 * n / o.Classes.Length : (double?)null,
                },
                evaluation = Reports.ResultsJson.Evaluation(r.Evaluation),
            };
        }

        private static string Us(double v) => double.IsNaN(v) ? "-" : v.ToString("F0", CultureInfo.InvariantCulture);

        private static string Pace(ReplaySettings s) => s.Pace == ReplayPace.Recorded ? "recorded timing" : $"full bus load at {s.BitRate / 1000} kbit/s";
    }
}
