using CanIds.Traffic.Files;
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
            var all = BenchRunner.Suites.Keys.Append(FirmwareSuite.Name).ToArray();
            var suites = new Argument<string[]>("suites") { Description = $"Suites to run: {string.Join(", ", all)} (default: all; firmware needs a clone with ../shared/tools/nanoclr beside it).", Arity = ArgumentArity.ZeroOrMore };
            var output = new Option<string>("--output", "-o") { Description = "Folder for the report (bench.md, bench.json) and BenchmarkDotNet's own results.", DefaultValueFactory = _ => "bench" };
            var model = Models.Option("Model of the inference suite.");
            var parseFrames = new Option<int>("--parse-frames") { Description = "Frames per test log of the parse suite.", DefaultValueFactory = _ => BenchSettings.ParseFrames };
            var windows = new Option<int>("--windows") { Description = "Windows per call of the encode and inference suites.", DefaultValueFactory = _ => BenchSettings.Windows };
            var rtlFrames = new Option<int>("--rtl-frames") { Description = "Frames per call of the RTL co-simulation suite.", DefaultValueFactory = _ => BenchSettings.RtlFrames };
            var quick = new Option<bool>("--quick") { Description = "Fewer iterations (a smoke run; figures are noisier)." };
            var command = new Command("bench", "Benchmark parsing, window encoding, inference (integer vs TorchSharp float), RTL co-simulation, training steps and the firmware on the nanoFramework runtime, each against a baseline in the same run.")
            {
                suites, output, model, parseFrames, windows, rtlFrames, quick,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var chosen = parse.GetValue(suites) is { Length: > 0 } s ? s : all;
                foreach (var name in chosen)
                {
                    if (!all.Contains(name)) throw new ArgumentException($"unknown suite \"{name}\"; suites: {string.Join(", ", all)}");
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
                var values = new List<BenchValue>();
                var sections = new List<string>();
                AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                    .Start(progress =>
                    {
                        var tasks = chosen.ToDictionary(n => n, n => progress.AddTask(n, maxValue: 1));
                        foreach (var name in chosen)
                        {
                            tasks[name].IsIndeterminate = true;
                            if (name == FirmwareSuite.Name)
                            {
                                var (root, configuration) = Repository.Locate();
                                var result = FirmwareSuite.Run(root, configuration, parse.GetValue(quick) ? 2 : 5, Path.Combine(dir, "firmware"), m => tasks[name].Description = $"{name}: {m}");
                                values.AddRange(result.Values);
                                sections.Add(result.Markdown);
                            }
                            else
                            {
                                var run = BenchRunner.Run(name, Path.Combine(dir, "benchmarkdotnet"), parse.GetValue(quick));
                                figures.AddRange(run);
                                values.AddRange(BenchRunner.Values(run));
                                sections.Add(BenchRunner.Markdown(run));
                            }

                            tasks[name].Description = name;
                            tasks[name].IsIndeterminate = false;
                            tasks[name].Value = 1;
                        }
                    });
                var md = $"# canids bench\n\n{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}; BenchmarkDotNet in process{(parse.GetValue(quick) ? " (--quick)" : "")}.\n\n" + (warning != null ? $"**Warning: {warning}.**\n\n" : "") + string.Concat(sections);
                OutputFile.WriteAllText(Path.Combine(dir, "bench.md"), md);
                BenchJson.Write(Path.Combine(dir, "bench.json"), values, parse.GetValue(quick), warning);
                var table = new Table().AddColumns("suite", "case", "parameters", "value", "unit");
                foreach (var v in values)
                    table.AddRow(v.Suite, Markup.Escape(v.Case), Markup.Escape(v.Parameters), v.Value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(v.Unit));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine(Markup.Escape($"report: {Path.Combine(dir, "bench.md")}, {Path.Combine(dir, "bench.json")}"));
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}
