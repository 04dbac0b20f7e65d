using CanIds.Traffic.Files;
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CanIds.Cli.Cli;
using CanIds.Model.Evaluation;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.Training;
using CanIds.Traffic.Windows;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids train`: quantisation-aware training of the CQMLP, streamlining to the integer model, a check that the
    /// integer model classifies exactly as the trained network, and the model file with a training report.
    /// </summary>
    public static class TrainCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var data = new DataOptions("Labelled logs to train on (whole files; validation is a seeded split of their windows).", 300, 1);
            var output = new Option<string>("--output", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => "model.json" };
            var report = new Option<string?>("--report") { Description = "Folder for the training report (curves PNG, history CSV, markdown); default MODEL.report." };
            var name = new Option<string>("--name") { Description = "Model name (printable ASCII), carried into images and reports.", DefaultValueFactory = _ => "cqmlp" };
            var hidden = new Option<string>("--hidden") { Description = "Hidden layer widths.", DefaultValueFactory = _ => "256,128,64,32" };
            var weightBits = new Option<string>("--weight-bits") { Description = "Weight bits: one value, or one per layer (hidden and output).", DefaultValueFactory = _ => "2" };
            var activationBits = new Option<string>("--activation-bits") { Description = "Activation bits: one value, or one per hidden layer.", DefaultValueFactory = _ => "2" };
            var classes = new Option<string?>("--classes") { Description = "Class list in output order (Benign first); default: the classes the data carries." };
            var epochs = new Option<int>("--epochs") { Description = "Most epochs.", DefaultValueFactory = _ => new TrainingOptions().Epochs };
            var batch = new Option<int>("--batch-size") { Description = "Windows per step.", DefaultValueFactory = _ => new TrainingOptions().BatchSize };
            var lr = new Option<double>("--lr") { Description = "Adam learning rate (cosine-annealed).", DefaultValueFactory = _ => new TrainingOptions().LearningRate };
            var patience = new Option<int>("--patience") { Description = "Stop after this many epochs without a better validation result.", DefaultValueFactory = _ => new TrainingOptions().Patience };
            var validation = new Option<double>("--validation-fraction") { Description = "Share of windows held out for validation.", DefaultValueFactory = _ => new TrainingOptions().ValidationFraction };
            var balance = new Option<ClassBalance>("--balance") { Description = "Class weighting of the loss.", DefaultValueFactory = _ => new TrainingOptions().Balance };
            var benign = new Option<double>("--benign-fraction") { Description = "Share of the benign windows each epoch draws (a fresh draw every epoch; attacks are always all used).", DefaultValueFactory = _ => new TrainingOptions().BenignFraction };
            var trainSeed = new Option<int>("--train-seed") { Description = "Seed of initialisation, split and shuffling.", DefaultValueFactory = _ => 1 };
            var threads = new Option<int>("--threads") { Description = "CPU threads (0: all cores); with the default 1 a seed trains the same model on every machine.", DefaultValueFactory = _ => new TrainingOptions().Threads };
            var checkpoint = new Option<string?>("--checkpoint") { Description = "Folder for resumable checkpoints (written every epoch)." };
            var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint in --checkpoint." };
            var padding = new Option<string>("--padding") { Description = "Bytes past each short frame's length in training: random (as the device's CAN driver hands them over, docs/model.md) or zero (as logged).", DefaultValueFactory = _ => "random" };
            padding.AcceptOnlyFromAmong("random", "zero");

            var command = new Command("train", "Train the quantised MLP (quantisation-aware, TorchSharp), streamline it to the integer model and write the model file.")
            {
                output, report, name, hidden, weightBits, activationBits, classes, epochs, batch, lr, patience, validation, balance, benign, trainSeed, threads, checkpoint, resume, padding,
            };
            data.AddTo(command);
            command.SetAction(parse => Guarded.Run(() =>
            {
                var shape = NetworkShape.Parse(parse.GetValue(hidden)!, parse.GetValue(weightBits)!, parse.GetValue(activationBits)!, data.Window(parse));
                var options = new TrainingOptions
                {
                    Epochs = parse.GetValue(epochs),
                    BatchSize = parse.GetValue(batch),
                    LearningRate = parse.GetValue(lr),
                    Patience = parse.GetValue(patience),
                    ValidationFraction = parse.GetValue(validation),
                    Balance = parse.GetValue(balance),
                    BenignFraction = parse.GetValue(benign),
                    Seed = parse.GetValue(trainSeed),
                    Threads = parse.GetValue(threads),
                    CheckpointDirectory = parse.GetValue(checkpoint),
                    Resume = parse.GetValue(resume),
                };
                if (options.Resume && options.CheckpointDirectory == null) throw new ArgumentException("--resume needs --checkpoint DIR");
                var classList = parse.GetValue(classes) is { } c ? c.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
                var windows = data.Load(parse, shape.WindowFrames, classList, randomTails: parse.GetValue(padding) == "random");
                var modelPath = parse.GetValue(output)!;
                CommandInputs.Refuse(modelPath); // before training, not after it
                var reportDir = parse.GetValue(report) ?? modelPath + ".report";
                var described = data.Describe(parse) + (parse.GetValue(padding) == "random" ? ", random bytes past short frames (as the device reads them)" : "");
                var model = Train(windows, shape, options, parse.GetValue(name)!, described, reportDir);
                ModelFile.Save(model, modelPath);
                AnsiConsole.MarkupLine(Markup.Escape($"model: {modelPath} ({model.Topology}, {model.BitWidths}); report: {reportDir}"));
                return ExitCodes.Ok;
            }));
            return command;
        }

        /// <summary>Trains on <paramref name="windows"/>, checks the integer model against the network, writes the report; the CLI's demo reuses it.</summary>
        public static IntegerModel Train(WindowSet windows, NetworkShape shape, TrainingOptions options, string name, string dataDescription, string reportDir)
        {
            if (windows.Classes[0] != Traffic.TrafficClasses.Benign) throw new ArgumentException($"the first class must be {Traffic.TrafficClasses.Benign}, not {windows.Classes[0]}");
            var counts = windows.ClassCounts();
            AnsiConsole.MarkupLine(Markup.Escape($"{windows.Count:N0} windows ({string.Join(", ", windows.Classes.Select((c, i) => $"{c} {counts[i]:N0}"))}); network {shape.Describe(windows.Classes.Count)}"));
            TrainingResult result = null!;
            AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask("training", maxValue: options.Epochs);
                    result = Trainer.Train(shape, windows, null, options, p =>
                    {
                        task.Value = p.Epoch - 1 + p.Fraction;
                        var last = p.Last is { } l ? $" | val {l.ValidationAccuracy:F3} % ({l.ValidationErrors} err) best ep {p.BestEpoch}" : "";
                        task.Description = Markup.Escape($"epoch {p.Epoch}/{p.Epochs} loss {p.RunningLoss:F4}{last}");
                    });
                    task.Value = task.MaxValue;
                });

            var best = result.Best;
            var provenance = new ModelProvenance
            {
                Name = name,
                CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Tool = $"canids {typeof(TrainCommand).Assembly.GetName().Version} (TorchSharp, quantisation-aware)",
                Data = dataDescription,
                Seed = options.Seed,
                Epochs = result.BestEpoch,
                Metrics = new System.Collections.Generic.Dictionary<string, double>
                {
                    ["validation accuracy %"] = best.ValidationAccuracy,
                    ["validation errors"] = best.ValidationErrors,
                },
            };
            var model = NetworkExport.ToIntegerModel(result.Network, windows.Classes, provenance).WithIdentifiers(IdentifierLearner.Learn(windows));
            int mismatches = CheckExact(result.Network, model, windows);
            model = model.WithProvenance(provenance with { Metrics = new System.Collections.Generic.Dictionary<string, double>(provenance.Metrics) { ["integer vs trained mismatches"] = mismatches } });
            WriteReport(reportDir, result, model, windows, mismatches);

            var table = new Table().AddColumns("best epoch", "validation accuracy", "validation errors", "integer ≠ trained network");
            table.AddRow(result.BestEpoch.ToString(CultureInfo.InvariantCulture), $"{best.ValidationAccuracy:F4} %", best.ValidationErrors.ToString("N0", CultureInfo.InvariantCulture), mismatches.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            if (mismatches != 0) throw new InvalidOperationException($"the integer model differs from the trained network on {mismatches} windows: a streamlining bug (report it with the model and data)");
            return model;
        }

        /// <summary>Windows where the integer model's class differs from the trained network's (float64), over up to 200,000 windows.</summary>
        public static int CheckExact(QuantMlp network, IntegerModel model, WindowSet windows)
        {
            int step = Math.Max(1, windows.Count / 200_000);
            int n = windows.Count / step;
            var inputs = new byte[n * windows.InputLength];
            for (int i = 0; i < n; i++) windows.Input(i * step).CopyTo(inputs.AsSpan(i * windows.InputLength));
            var trained = NetworkExport.Classify(network, inputs, windows.InputLength);
            var integer = ModelRunner.Classify(model, inputs);
            int mismatches = 0;
            for (int i = 0; i < n; i++)
            {
                if (trained[i] != integer[i]) mismatches++;
            }

            return mismatches;
        }

        private static void WriteReport(string dir, TrainingResult result, IntegerModel model, WindowSet windows, int mismatches)
        {
            Directory.CreateDirectory(dir);
            var h = result.History;
            var x = h.Select(e => (double)e.Epoch).ToArray();
            Plots.Lines(Path.Combine(dir, "training-loss.png"), "Training and validation loss", "epoch", "cross-entropy",
                [("training", x, h.Select(e => e.TrainLoss).ToArray()), ("validation", x, h.Select(e => e.ValidationLoss).ToArray())], logY: true);
            Plots.Lines(Path.Combine(dir, "training-accuracy.png"), "Accuracy per epoch", "epoch", "accuracy %",
                [("training (train mode)", x, h.Select(e => e.TrainAccuracy).ToArray()), ("validation", x, h.Select(e => e.ValidationAccuracy).ToArray())]);
            var csv = new StringBuilder("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,validation_errors,seconds\n");
            foreach (var e in h) csv.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:G6},{e.TrainAccuracy:F4},{e.ValidationLoss:G6},{e.ValidationAccuracy:F4},{e.ValidationErrors},{e.Seconds:F2}"));
            OutputFile.WriteAllText(Path.Combine(dir, "history.csv"), csv.ToString());
            var md = new StringBuilder();
            md.AppendLine($"# Training report: {model.Provenance.Name}");
            md.AppendLine();
            md.AppendLine($"- network {model.Topology}, {model.BitWidths}; {model.WeightMemoryBits:N0} weight bits");
            md.AppendLine($"- data: {model.Provenance.Data} ({windows.Count:N0} windows)");
            md.AppendLine(CultureInfo.InvariantCulture, $"- best epoch {result.BestEpoch} of {h.Count}: validation accuracy {result.Best.ValidationAccuracy:F4} % ({result.Best.ValidationErrors:N0} errors); {h.Sum(e => e.Seconds):F0} s of training");
            md.AppendLine($"- time: {result.Times} ({result.Times.Total.TotalSeconds:F0} s)");
            md.AppendLine($"- integer model vs trained network (float64): {mismatches} differing windows");
            md.AppendLine(model.Identifiers is { } known
                ? $"- identifier rule: {known.Count} identifier words seen in benign training frames; a frame on any other that the network calls benign is {model.Classes[known.ForeignClass]}"
                : "- identifier rule: none (no attack class in the training data uses identifiers that benign traffic does not)");
            md.AppendLine();
            md.AppendLine("![loss](training-loss.png)");
            md.AppendLine("![accuracy](training-accuracy.png)");
            OutputFile.WriteAllText(Path.Combine(dir, "training.md"), md.ToString());
        }
    }
}
