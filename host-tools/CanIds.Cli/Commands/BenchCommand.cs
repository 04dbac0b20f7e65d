using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CanIds.Bench;
using CanIds.Cli.Cli;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids bench`: throughput of every stage, measured with BenchmarkDotNet in one run, each figure as a ratio to a
    /// named baseline of its suite measured in the same run; a markdown report.
    /// </summary>
    public static class BenchCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var suites = new Argument<string[]>("suites") { Description = $"Suites to run: {string.Join(", ", BenchRunner.Suites.Keys)} (default: all).", Arity = ArgumentArity.ZeroOrMore };
            var output = new Option<string>("--output", "-o") { Description = "Folder for the report (bench.md) and BenchmarkDotNet's own results.", DefaultValueFactory = _ => "bench" };
            var model = Models.Option("Model of the inference suite.");
            var parseFrames = new Option<int>("--parse-frames") { Description = "Frames per test log of the parse suite.", DefaultValueFactory = _ => BenchSettings.ParseFrames };
            var windows = new Option<int>("--windows") { Description = "Windows per call of the encode and inference suites.", DefaultValueFactory = _ => BenchSettings.Windows };
            var rtlFrames = new Option<int>("--rtl-frames") { Description = "Frames per call of the RTL co-simulation suite.", DefaultValueFactory = _ => BenchSettings.RtlFrames };
            var quick = new Option<bool>("--quick") { Description = "Fewer iterations (a smoke run; figures are noisier)." };
            var command = new Command("bench", "Benchmark parsing, window encoding, inference (integer vs TorchSharp float), RTL co-simulation and training steps, each against a baseline in the same run.")
            {
                suites, output, model, parseFrames, windows, rtlFrames, quick,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var chosen = parse.GetValue(suites) is { Length: > 0 } s ? s : BenchRunner.Suites.Keys.ToArray();
                foreach (var name in chosen)
                {
                    if (!BenchRunner.Suites.ContainsKey(name)) throw new ArgumentException($"unknown suite \"{name}\"; suites: {string.Join(", ", BenchRunner.Suites.Keys)}");
                }

                if (parse.GetValue(parseFrames) < 1000 || parse.GetValue(windows) < 1000 || parse.GetValue(rtlFrames) < 10) throw new ArgumentException("--parse-frames and --windows take at least 1,000, --rtl-frames at least 10");
                BenchSettings.ParseFrames = parse.GetValue(parseFrames);
                BenchSettings.Windows = parse.GetValue(windows);
                BenchSettings.RtlFrames = parse.GetValue(rtlFrames);
                var modelSpec = parse.GetValue(model)!;
                InferenceSuite.ModelSource = () => Models.Load(modelSpec);
                string? warning = BenchRunner.UnoptimizedAssemblies() is { Count: > 0 } slow
                    ? $"unoptimised (Debug) build of {string.Join(", ", slow)}: the figures are not representative; run canids built with -c Release"
                    : null;
                if (warning != null) AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
                var dir = Path.GetFullPath(parse.GetValue(output)!);
                Directory.CreateDirectory(dir);
                var figures = new List<BenchFigure>();
                AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                    .Start(progress =>
                    {
                        var tasks = chosen.ToDictionary(n => n, n => progress.AddTask(n, maxValue: 1));
                        foreach (var name in chosen)
                        {
                            tasks[name].IsIndeterminate = true;
                            figures.AddRange(BenchRunner.Run(name, Path.Combine(dir, "benchmarkdotnet"), parse.GetValue(quick)));
                            tasks[name].IsIndeterminate = false;
                            tasks[name].Value = 1;
                        }
                    });
                var md = $"# canids bench\n\n{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; BenchmarkDotNet in process{(parse.GetValue(quick) ? " (--quick)" : "")}.\n\n" + (warning != null ? $"**Warning: {warning}.**\n\n" : "") + BenchRunner.Markdown(figures);
                File.WriteAllText(Path.Combine(dir, "bench.md"), md);
                var table = new Table().AddColumns("suite", "case", "parameters", "per call", "items/s", "ratio");
                foreach (var f in figures)
                    table.AddRow(f.Suite, Markup.Escape(f.Case + (f.IsBaseline ? " (baseline)" : "")), Markup.Escape(f.Parameters), BenchRunner.Time(f.MeanSeconds), Markup.Escape($"{BenchRunner.Rate(f.ItemsPerSecond)} {f.Unit}"), f.RatioToBaseline.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine(Markup.Escape($"report: {Path.Combine(dir, "bench.md")}"));
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}
