using CanIds.Traffic.Files;
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CanIds.Cli.Cli;
using CanIds.Cli.Demo;
using CanIds.Cli.Replay;
using CanIds.Core;
using CanIds.Core.Image;
using CanIds.Fpga.Sim;
using CanIds.Hil.Replay;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using CanIds.Training;
using CanIds.Traffic;
using CanIds.Traffic.Formats;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using Spectre.Console;

namespace CanIds.Cli.Commands
{
    /// <summary>
    /// `canids demo`: the whole product on built-in data, end to end: labelled traffic → quantisation-aware training
    /// → evaluation on held-out traffic → signed weight image and RTL parameters → replay of a held-out log through the
    /// firmware logic and the Verilated FPGA of the shipped bitstream (the firmware loads the new model into it first;
    /// only a model outside its family gets a simulator of its own) with every verdict checked against the integer
    /// model → one report.
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>Builds the command.</summary>
        public static Command Create()
        {
            var output = new Option<string>("--output", "-o") { Description = "Folder for everything the demo makes (report: demo.md).", DefaultValueFactory = _ => "demo-output" };
            var data = new Option<string[]>("--data") { Description = "Your own labelled logs instead of generated traffic: each is split in time, the first part trains, the rest is held out.", AllowMultipleArgumentsPerToken = true };
            var holdout = new Option<double>("--holdout") { Description = "With --data: the share of each log (its end) held out.", DefaultValueFactory = _ => 0.3 };
            var trainSeconds = new Option<double>("--train-seconds") { Description = "Seconds of generated training traffic.", DefaultValueFactory = _ => DemoPlan.Default.TrainSeconds };
            var testSeconds = new Option<double>("--test-seconds") { Description = "Seconds of generated held-out traffic (another seed).", DefaultValueFactory = _ => DemoPlan.Default.TestSeconds };
            var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => DemoPlan.Default.Epochs };
            var replaySeconds = new Option<double>("--replay-seconds") { Description = "Seconds of the held-out log replayed through firmware + RTL (every frame simulated to the cycle).", DefaultValueFactory = _ => DemoPlan.Default.ReplaySeconds };
            var format = FormatOption.Create("--format", "Format of the --data logs; default: recognised from each file");
            var attackLabel = new Option<string?>("--attack-label") { Description = "Class of Car-Hacking rows flagged T (--data); default from the file name." };
            var command = new Command("demo", "The end-to-end demo: generate traffic, train the 2-bit model, evaluate, export, replay through firmware + RTL, report.")
            {
                output, data, holdout, trainSeconds, testSeconds, epochs, replaySeconds, format, attackLabel,
            };
            command.SetAction(parse => Guarded.Run(() =>
            {
                var plan = new DemoPlan
                {
                    Output = parse.GetValue(output)!,
                    Logs = parse.GetValue(data) ?? [],
                    Holdout = parse.GetValue(holdout),
                    TrainSeconds = parse.GetValue(trainSeconds),
                    TestSeconds = parse.GetValue(testSeconds),
                    Epochs = parse.GetValue(epochs),
                    ReplaySeconds = parse.GetValue(replaySeconds),
                    Format = parse.GetValue(format) is { } f ? LogFormats.Parse(f) : null,
                    AttackLabel = parse.GetValue(attackLabel),
                };
                plan.Validate();
                return Run(plan);
            }));
            return command;
        }

        private static int Run(DemoPlan plan)
        {
            var report = new DemoReport(plan);
            var total = Stopwatch.StartNew();
            Directory.CreateDirectory(plan.Output);

            var (train, heldout, description) = report.Stage("data", () => DemoData.Load(plan));
            var windows = WindowSet.FromRecordsDiscoveringClasses(DevicePadding.RandomTails(train, DataOptions.PaddingSeed), InputFormat.DefaultWindowFrames); // as the device sees frames
            if (plan.Logs.Count == 0) windows = windows.WithClasses(TrafficClasses.CarHacking); // the five classes even where a short run lacks an attack
            report.Note("data", $"{description}: {train.Count:N0} training frames, {heldout.Count:N0} held-out frames");
            // Before minutes of training, not after: the shipped FPGA's simulator, or the tools to build one.
            if (windows.Classes.Count > HardwareConfig.Shipped.OutputNeurons) RtlSimulator.CheckBuildable();
            else if (!RtlSimulator.IsAvailable(out var missing)) throw new InvalidOperationException(missing);

            var model = report.Stage("train", () => TrainCommand.Train(windows, new NetworkShape(), new TrainingOptions { Epochs = plan.Epochs, Patience = plan.Epochs, BenignFraction = 0.5 },
                "cqmlp-demo", description, Path.Combine(plan.Output, "training")));
            ModelFile.Save(model, Path.Combine(plan.Output, "model.json"));
            report.Training(model);

            var heldoutWindows = WindowSet.FromRecordsDiscoveringClasses(heldout, model.WindowFrames);
            var heldoutDevice = WindowSet.FromRecords(DevicePadding.RandomTails(heldout, DataOptions.PaddingSeed + 1), model.WindowFrames, heldoutWindows.Classes);
            var evaluation = report.Stage("evaluate", () => EvaluateCommand.Run(model, heldoutWindows, Path.Combine(plan.Output, "evaluation"), "held-out: " + description, heldoutDevice));
            report.Evaluation(evaluation, heldoutWindows.Count);

            report.Stage("export", () =>
            {
                var hardware = HardwareConfig.FamilyFor(model);
                var key = RandomNumberGenerator.GetBytes(32);
                OutputFile.WriteAllText(Path.Combine(plan.Output, "device.key"), Convert.ToHexString(key).ToLowerInvariant() + "\n");
                var image = WeightImageWriter.Build(model, hardware, key);
                var imagePath = Path.Combine(plan.Output, "cqmlp-demo.img");
                OutputFile.WriteAllBytes(imagePath, image);
                var verified = WeightImage.Verify(image, image.Length, key); // what the firmware checks before loading it
                var files = RtlExport.Write(Path.Combine(plan.Output, "rtl"), model, hardware);
                report.Export(imagePath, image.Length, verified.ModelId, hardware, files.Count);
                return 0;
            });

            var pace = DemoData.PaceOf(heldout);
            var replayed = DemoData.Prefix(heldout, plan.ReplaySeconds, pace);
            var replay = report.Stage("replay", () => ReplayRunner.Run(model, replayed, new ReplaySettings { Target = ReplayTarget.Rtl, Pace = pace, BitRate = DemoData.UntimedBitRate, Sessions = 4 * Environment.ProcessorCount }));
            ReplayReport.Write(replay, Path.Combine(plan.Output, "replay"), model.Provenance.Name, $"the first {plan.ReplaySeconds:0.#} s of the held-out log");
            report.Replay(replay);

            var path = report.Write(total.Elapsed);
            AnsiConsole.Write(report.SummaryTable());
            AnsiConsole.MarkupLine(Markup.Escape($"report: {Path.GetFullPath(path)}"));
            if (replay.Mismatches > 0)
            {
                Console.Error.WriteLine($"error: {replay.Mismatches:N0} frames judged by firmware + RTL differently from the integer model");
                return ExitCodes.CheckFailed;
            }

            return ExitCodes.Ok;
        }
    }
}
