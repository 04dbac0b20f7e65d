using CanIds.Traffic.Files;
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CanIds.Cli.Cli;
using CanIds.Cli.Explore;
using CanIds.Model.Evaluation;
using CanIds.Training;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids explore`: a grid over bit widths and layer widths, each design trained, evaluated and costed; a Pareto plot.</summary>
    public static class ExploreCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var data = new DataOptions("Labelled logs to train on (default: generated traffic).", 120, 1);
            var heldout = new Option<string[]>("--heldout") { Description = "Labelled logs to score on (default: generated traffic of another seed, a third as long).", AllowMultipleArgumentsPerToken = true };
            var bits = new Option<string>("--bits") { Description = "Uniform weight/activation bit widths to try.", DefaultValueFactory = _ => "2,3,4" };
            var shapes = new Option<string>("--shapes") { Description = "Hidden layer widths to try, ';' between designs.", DefaultValueFactory = _ => "256,128,64,32;128,64,32;64,32" };
            var epochs = new Option<int>("--epochs") { Description = "Epochs per design (the same schedule for all).", DefaultValueFactory = _ => 8 };
            var trainSeed = new Option<int>("--train-seed") { Description = "Seed of every design's training.", DefaultValueFactory = _ => 1 };
            var output = new Option<string>("--output", "-o") { Description = "Folder for the report (explore.md, explore.csv, pareto.png).", DefaultValueFactory = _ => "explore" };
            var command = new Command("explore", "Explore the design space: bit widths × layer widths, each trained, evaluated on held-out traffic and costed; Pareto plot.")
            {
                heldout, bits, shapes, epochs, trainSeed, output,
            };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var bitList = Ints(parse.GetValue(bits)!, "--bits", 1, 8);
                var shapeList = parse.GetValue(shapes)!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => Ints(s, "--shapes", 1, 4096)).ToList();
                if (shapeList.Count == 0) throw new ArgumentException("--shapes names no design");
                var train = data.Load(parse, data.Window(parse), null);
                var held = data.LoadHeldout(parse, parse.GetValue(heldout) ?? [], data.Window(parse), train.Classes);
                var options = new TrainingOptions { Epochs = parse.GetValue(epochs), Patience = parse.GetValue(epochs), Seed = parse.GetValue(trainSeed), BenignFraction = 0.5 };
                var points = AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(progress =>
                    {
                        var task = progress.AddTask("design space", maxValue: 1);
                        var result = DesignSpace.Run(shapeList, bitList, train, held, options, (label, fraction) =>
                        {
                            task.Description = Markup.Escape(label);
                            task.Value = fraction;
                        });
                        task.Value = 1;
                        return result;
                    });
                Report(points, parse.GetValue(output)!, data.Describe(parse), held.Count, options.Epochs);
                return ExitCodes.Ok;
            }));
            return command;
        }

        private static int[] Ints(string text, string option, int min, int max)
        {
            var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var values = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= min && v <= max ? v
                : throw new ArgumentException($"{option}: \"{p}\" is not a whole number from {min} to {max}")).ToArray();
            return values.Length > 0 ? values : throw new ArgumentException($"{option} is empty");
        }

        private static void Report(System.Collections.Generic.List<DesignPoint> points, string dir, string data, int heldoutWindows, int epochs)
        {
            Directory.CreateDirectory(dir);
            Plots.Pareto(Path.Combine(dir, "pareto.png"), $"Design space: {heldoutWindows:N0} held-out windows", "compute cost Σ PE·SIMD·w·a at ≤ 1,024 cycles/inference", "misclassified windows",
                points.Select(p => (p.Label, (double)p.ComputeCost, (double)p.Misclassified)).ToList());
            var csv = new StringBuilder("hidden,bits,accuracy,misclassified,min_attack_f1,weight_bits,threshold_bits,bit_ops,compute_cost,cycles,train_seconds\n");
            var md = new StringBuilder($"# Design space\n\n- data: {data}; {heldoutWindows:N0} held-out windows; {epochs} epochs per design, same seed\n- compute cost: Σ over layers of PE × SIMD × weight bits × input bits at the default folding (≤ 1,024 cycles per inference), a proxy for LUTs; bit-ops: Σ inputs × outputs × weight bits × input bits per inference\n\n");
            md.AppendLine("| design | accuracy % | misclassified | min attack F1 % | weight bits | threshold bits | bit-ops | compute cost | cycles | Pareto |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            var table = new Table().AddColumns("design", "accuracy %", "misclassified", "min attack F1 %", "weight bits", "compute cost", "Pareto");
            foreach (var p in points.OrderBy(p => p.ComputeCost))
            {
                bool front = !points.Any(q => q.ComputeCost <= p.ComputeCost && q.Misclassified <= p.Misclassified && (q.ComputeCost < p.ComputeCost || q.Misclassified < p.Misclassified));
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{p.Hidden},{p.Bits},{p.Accuracy:F4},{p.Misclassified},{p.MinAttackF1:F3},{p.WeightBits},{p.ThresholdBits},{p.BitOps},{p.ComputeCost},{p.Cycles},{p.TrainSeconds:F1}"));
                md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {p.Label} | {p.Accuracy:F4} | {p.Misclassified:N0} | {p.MinAttackF1:F3} | {p.WeightBits:N0} | {p.ThresholdBits:N0} | {p.BitOps:N0} | {p.ComputeCost:N0} | {p.Cycles:N0} | {(front ? "yes" : "")} |"));
                table.AddRow(Markup.Escape(p.Label), p.Accuracy.ToString("F4", CultureInfo.InvariantCulture), p.Misclassified.ToString("N0", CultureInfo.InvariantCulture),
                    p.MinAttackF1.ToString("F3", CultureInfo.InvariantCulture), p.WeightBits.ToString("N0", CultureInfo.InvariantCulture), p.ComputeCost.ToString("N0", CultureInfo.InvariantCulture), front ? "yes" : "");
            }

            md.AppendLine();
            md.AppendLine("![Pareto plot](pareto.png)");
            OutputFile.WriteAllText(Path.Combine(dir, "explore.csv"), csv.ToString());
            OutputFile.WriteAllText(Path.Combine(dir, "explore.md"), md.ToString());
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape($"report: {Path.Combine(dir, "explore.md")}"));
        }
    }
}
