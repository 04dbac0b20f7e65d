using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CanIds.Bench
{
    /// <summary>One measured case: its suite, method, parameters, mean time per call, and the ratio to its suite's baseline.</summary>
    public sealed record BenchFigure(string Suite, string Case, string Parameters, bool IsBaseline, double MeanSeconds, double ErrorSeconds, long Items, string Unit, double RatioToBaseline, string Baseline)
    {
        /// <summary>Items per second.</summary>
        public double ItemsPerSecond => Items / MeanSeconds;

        /// <summary>Bytes one call reads (0: not a byte stream).</summary>
        public long Bytes { get; init; }
    }

    /// <summary>Runs suites with BenchmarkDotNet in this process and turns its summaries into figures and a markdown report.</summary>
    public static class BenchRunner
    {
        /// <summary>The suites by name.</summary>
        public static IReadOnlyDictionary<string, Type> Suites { get; } = new Dictionary<string, Type>
        {
            ["parse"] = typeof(ParseSuite),
            ["encode"] = typeof(EncodeSuite),
            ["inference"] = typeof(InferenceSuite),
            ["rtl"] = typeof(RtlSuite),
            ["train"] = typeof(TrainSuite),
        };

        /// <summary>The product's assemblies the suites run that were built without optimisation (a Debug build).</summary>
        public static List<string> UnoptimizedAssemblies() =>
            new[] { typeof(CanIds.Model.Integer.IntegerModel), typeof(CanIds.Traffic.CanRecord), typeof(CanIds.Core.CanFrame), typeof(CanIds.Hil.FirmwareRig), typeof(BenchRunner) }
                .Select(t => t.Assembly)
                .Where(a => a.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false).OfType<System.Diagnostics.DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled))
                .Select(a => a.GetName().Name!)
                .ToList();

        /// <summary>Runs <paramref name="suite"/>; BenchmarkDotNet's own reports go under <paramref name="artifacts"/>.</summary>
        public static List<BenchFigure> Run(string suite, string artifacts, bool quick)
        {
            var type = Suites[suite];
            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1).WithWarmupCount(quick ? 1 : 3).WithIterationCount(quick ? 3 : 8);
            var config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddExporter(MarkdownExporter.GitHub)
                .AddLogger(NullLogger.Instance)
                .WithArtifactsPath(artifacts)
                .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
            var summary = BenchmarkRunner.Run(type, config);
            if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
                throw new InvalidOperationException($"bench {suite} failed: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message).Concat(summary.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo + " did not run"))));
            return Figures(suite, (ISuite)Activator.CreateInstance(type)!, summary);
        }

        private static List<BenchFigure> Figures(string suite, ISuite units, Summary summary)
        {
            var figures = new List<BenchFigure>();
            foreach (var report in summary.Reports)
            {
                var c = report.BenchmarkCase;
                string parameters = c.Parameters.DisplayInfo;
                var baseline = summary.Reports.First(r => r.BenchmarkCase.Descriptor.Baseline && r.BenchmarkCase.Parameters.DisplayInfo == parameters);
                double mean = report.ResultStatistics!.Mean / 1e9, baseMean = baseline.ResultStatistics!.Mean / 1e9;
                figures.Add(new BenchFigure(suite, c.Descriptor.WorkloadMethod.Name, parameters == "" || parameters == "[]" ? "" : parameters, c.Descriptor.Baseline,
                    mean, report.ResultStatistics.StandardError / 1e9, units.Items, units.Unit, mean / baseMean, baseline.BenchmarkCase.Descriptor.WorkloadMethod.Name)
                {
                    Bytes = units is IByteSuite bytes ? bytes.BytesPerCall(c.Parameters) : 0,
                });
            }

            return figures;
        }

        /// <summary>The figures as bench.json carries them: time per call, its standard error, rate, MB/s where it reads bytes, ratio to the baseline.</summary>
        public static IEnumerable<BenchValue> Values(IEnumerable<BenchFigure> figures)
        {
            foreach (var f in figures)
            {
                string name = f.IsBaseline ? f.Case + " (baseline)" : f.Case;
                yield return new BenchValue(f.Suite, name, f.Parameters, f.MeanSeconds, "s/call");
                yield return new BenchValue(f.Suite, name, f.Parameters, f.ErrorSeconds, "s/call standard error");
                yield return new BenchValue(f.Suite, name, f.Parameters, f.ItemsPerSecond, f.Unit + "/s");
                if (f.Bytes > 0) yield return new BenchValue(f.Suite, name, f.Parameters, f.Bytes / f.MeanSeconds / 1e6, "MB/s");
                yield return new BenchValue(f.Suite, name, f.Parameters, f.RatioToBaseline, "ratio to " + f.Baseline);
            }
        }

        /// <summary>The figures as one markdown table per suite.</summary>
        public static string Markdown(IEnumerable<BenchFigure> figures)
        {
            var sb = new StringBuilder();
            foreach (var suite in figures.GroupBy(f => f.Suite))
            {
                var first = suite.First();
                sb.AppendLine($"## {suite.Key}");
                sb.AppendLine();
                sb.AppendLine($"Baseline: `{first.Baseline}`; ratio = time per call ÷ the baseline's (below 1: faster than the baseline).");
                sb.AppendLine();
                bool bytes = suite.Any(f => f.Bytes > 0);
                sb.AppendLine($"| case | parameters | mean per call | ± s.e. | {first.Unit}/s |{(bytes ? " MB/s |" : "")} ratio to baseline |");
                sb.AppendLine(bytes ? "|---|---|---:|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|");
                foreach (var f in suite)
                {
                    string megabytes = bytes ? string.Create(CultureInfo.InvariantCulture, $" {f.Bytes / f.MeanSeconds / 1e6:F0} |") : "";
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {(f.IsBaseline ? $"**{f.Case}** (baseline)" : f.Case)} | {f.Parameters} | {Time(f.MeanSeconds)} | {Time(f.ErrorSeconds)} | {Rate(f.ItemsPerSecond)} |{megabytes} {f.RatioToBaseline:F3} |"));
                }

                sb.AppendLine();
            }

            return sb.ToString();
        }

        /// <summary>A duration in the unit that reads best.</summary>
        public static string Time(double seconds) => seconds switch
        {
            >= 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s"),
            >= 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F2} ms"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F1} µs"),
        };

        /// <summary>A rate with an SI prefix.</summary>
        public static string Rate(double perSecond) => perSecond switch
        {
            >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:F2} M"),
            >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:F1} k"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond:F1}"),
        };
    }
}
