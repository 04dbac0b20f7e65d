using CanIds.Traffic.Files;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using CanIds.Cli.Cli;
using CanIds.Model.Evaluation;
using CanIds.Model.Integer;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>`canids evaluate`: the integer model on labelled traffic: confusion matrix (table and PNG), per-class figures, a markdown report.</summary>
    public static class EvaluateCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var model = new Argument<string>("model") { Description = "Model file (from canids train), or built-in." };
            var data = new DataOptions("Labelled logs to evaluate on (held out from training).", 120, 2, withWindow: false);
            var output = new Option<string>("--output", "-o") { Description = "Folder for the report (evaluation.md, evaluation.json, confusion-matrix.png).", DefaultValueFactory = _ => "evaluation" };
            var command = new Command("evaluate", "Evaluate a model on held-out labelled traffic: per-class precision, recall, F1, FNR, accuracy, FPR.") { model, output };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var m = Models.Load(parse.GetValue(model)!);
                var windows = data.Load(parse, m.WindowFrames, null);
                var device = data.Load(parse, m.WindowFrames, windows.Classes, randomTails: true);
                var result = Run(m, windows, parse.GetValue(output)!, data.Describe(parse), device);
                return ExitCodes.Ok;
            }));
            return command;
        }

        /// <summary>
        /// Evaluates, prints the tables and writes the report into <paramref name="dir"/>; <paramref name="device"/>, the
        /// same traffic as the device's driver hands it over (random bytes past each frame's length), is scored too.
        /// </summary>
        public static Evaluation Run(IntegerModel model, Traffic.Windows.WindowSet windows, string dir, string dataDescription, Traffic.Windows.WindowSet? device = null)
        {
            var result = AnsiConsole.Status().Start($"classifying {windows.Count:N0} windows", _ => Evaluation.Run(model, windows));
            var padded = device == null ? null : AnsiConsole.Status().Start($"classifying {device.Count:N0} windows with random bytes past each frame's length", _ => Evaluation.Run(model, device));
            Directory.CreateDirectory(dir);
            Plots.ConfusionMatrix(result.Matrix, Path.Combine(dir, "confusion-matrix.png"), $"{model.Provenance.Name} on {windows.Count:N0} windows");
            var md = $"# Evaluation of {model.Provenance.Name}\n\n- model {model.Topology}, {model.BitWidths}\n- data: {dataDescription} ({windows.Count:N0} windows)\n\n" + result.Markdown() + "\n![confusion matrix](confusion-matrix.png)\n";
            if (padded != null)
                md += "\n## The same traffic as the device sees it\n\nnanoFramework's CAN driver hands over 8 data bytes without the DLC: past a short frame's length they are whatever the controller held. Here they are random (seed " + DataOptions.PaddingSeed + "):\n\n" + PaddingSummary(result.Matrix, padded.Matrix) + "\n"
                    + "\nIncidents as the device sees the traffic: " + padded.Incidents!.Summary() + ".\n";
            OutputFile.WriteAllText(Path.Combine(dir, "evaluation.md"), md);
            Reports.ResultsJson.Write(Path.Combine(dir, "evaluation.json"), "canids.evaluation/1", new
            {
                model = new { name = model.Provenance.Name, topology = model.Topology.ToString(), bits = model.BitWidths.ToString() },
                data = dataDescription,
                evaluation = Reports.ResultsJson.Evaluation(result),
                device_padding = padded == null ? null : new { seed = DataOptions.PaddingSeed, evaluation = Reports.ResultsJson.Evaluation(padded) },
            });

            var m = result.Matrix;
            var table = new Table().Title("confusion matrix (rows: true class)").AddColumn("true \\ predicted");
            foreach (var c in m.Classes) table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
            for (int t = 0; t < m.Classes.Count; t++)
                table.AddRow(new[] { Markup.Escape(m.Classes[t]) }.Concat(Enumerable.Range(0, m.Classes.Count).Select(p => m[t, p].ToString("N0", CultureInfo.InvariantCulture))).ToArray());
            AnsiConsole.Write(table);
            var metrics = new Table().AddColumns("class", "windows", "precision %", "recall %", "F1 %", "FNR %");
            foreach (var c in m.AllMetrics())
                metrics.AddRow(c.Support == 0
                    ? [Markup.Escape(c.Class), "0", "n/a", "n/a", "n/a", "n/a"]
                    : [Markup.Escape(c.Class), c.Support.ToString("N0", CultureInfo.InvariantCulture), $"{c.Precision:F3}", $"{c.Recall:F3}", $"{c.F1:F3}", $"{c.FalseNegativeRate:F3}"]);
            AnsiConsole.Write(metrics);
            foreach (var u in result.Unseen) AnsiConsole.MarkupLine(Markup.Escape($"never trained: {u.Class}: {u.Detected:N0} of {u.Windows:N0} windows flagged ({u.DetectionRate:F2} %)"));
            AnsiConsole.MarkupLine(Markup.Escape($"accuracy {m.Accuracy:F4} % ({m.Misclassified:N0} of {m.Total:N0} misclassified), false-positive rate {m.FalsePositiveRate:F4} %; report: {Path.Combine(dir, "evaluation.md")}"));
            AnsiConsole.MarkupLine(Markup.Escape($"incidents: {result.Incidents!.Summary()}{(padded != null ? $"; as the device sees the traffic: {padded.Incidents!.Summary()}" : "")}"));
            if (padded != null)
                AnsiConsole.MarkupLine(Markup.Escape($"with random bytes past each frame's length (as on the device): accuracy {padded.Matrix.Accuracy:F4} %, false-positive rate {padded.Matrix.FalsePositiveRate:F4} %, lowest attack F1 {LowestAttackF1(padded.Matrix):F3} %"));
            return result;
        }

        /// <summary>Lowest F1 over the attack classes present.</summary>
        public static double LowestAttackF1(ConfusionMatrix m) => m.AllMetrics().Skip(1).Where(c => c.Support > 0).Select(c => c.F1).DefaultIfEmpty(double.NaN).Min();

        private static string PaddingSummary(ConfusionMatrix zero, ConfusionMatrix random)
        {
            var md = new System.Text.StringBuilder();
            md.AppendLine("| bytes past the length | accuracy % | false-positive rate % | " + string.Join(" | ", zero.Classes.Skip(1).Select(c => $"F1 {c} %")) + " |");
            md.AppendLine("|---|---:|---:|" + string.Concat(zero.Classes.Skip(1).Select(_ => "---:|")));
            foreach (var (name, m) in new[] { ("zero (as logged)", zero), ("random (as on the device)", random) })
                md.AppendLine($"| {name} | {m.Accuracy:F4} | {m.FalsePositiveRate:F4} | " + string.Join(" | ", m.AllMetrics().Skip(1).Select(c => c.Support == 0 ? "n/a" : c.F1.ToString("F3", CultureInfo.InvariantCulture))) + " |");
            return md.ToString();
        }
    }
}
