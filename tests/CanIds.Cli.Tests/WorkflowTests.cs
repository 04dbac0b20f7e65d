using System;
using System.IO;
using System.Linq;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>The user's workflow through the command: generate, train, evaluate, export, verify, replay; and the demo.</summary>
    public class WorkflowTests
    {
        private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

        private static CanidsRun Ok(string dir, params string[] args)
        {
            var run = Canids.Run(dir, Long, args);
            Assert.True(run.ExitCode == 0, $"canids {string.Join(' ', args)}: {run}");
            return run;
        }

        [Fact]
        public void GenerateTrainEvaluateExportVerifyAndReplayThroughTheRtl()
        {
            var dir = TestPaths.NewScratch();
            Ok(dir, "generate", "-o", "train.log", "-d", "30", "--seed", "3");
            Ok(dir, "generate", "-o", "test.log", "-d", "12", "--seed", "4");
            Ok(dir, "train", "train.log", "--epochs", "2", "-o", "m.json");
            Assert.True(File.Exists(Path.Combine(dir, "m.json.report", "training-accuracy.png")));
            var evaluation = Ok(dir, "evaluate", "m.json", "test.log", "-o", "eval");
            Assert.Contains("accuracy", evaluation.Output);
            Assert.True(File.Exists(Path.Combine(dir, "eval", "confusion-matrix.png")));

            Ok(dir, "keygen", "-o", "k.key");
            Ok(dir, "export", "m.json", "--image", "m.img", "--key", "k.key", "--rtl", "rtl");
            Assert.True(File.Exists(Path.Combine(dir, "rtl", "cqmlp_params.vh")));
            Ok(dir, "verify", "m.img", "--key", "k.key");

            // A tampered image: verify says which check failed, with exit code 65.
            var image = File.ReadAllBytes(Path.Combine(dir, "m.img"));
            image[image.Length / 2] ^= 1;
            File.WriteAllBytes(Path.Combine(dir, "bad.img"), image);
            var bad = Canids.Run(dir, Long, "verify", "bad.img", "--key", "k.key");
            Assert.Equal(65, bad.ExitCode);
            Assert.Contains("bad.img", bad.Error);

            // The trained model replayed through firmware + RTL (the firmware loads it into the FPGA first).
            var replay = Ok(dir, "replay", "test.log", "--model", "m.json", "--target", "rtl", "-o", "replay");
            var report = File.ReadAllText(Path.Combine(dir, "replay", "replay.md"));
            Assert.Contains("**bit-exact check against the integer model: 0 mismatches**", report);
            Assert.True(File.Exists(Path.Combine(dir, "replay", "latency-histogram.png")));
        }

        [SkippableFact]
        public void ATwoClassModelTrainedOnRealRoadTrafficReplaysBitExactlyOnTheShippedFpgaWithoutARebuild()
        {
            Skip.IfNot(Directory.Exists(TestPaths.Road), $"the ROAD excerpts are not here ({TestPaths.Road}): a user's clone without ../shared");
            var dir = TestPaths.NewScratch();
            Ok(dir, "train", Path.Combine(TestPaths.Road, "Deal_reverse_light_off_attack_1_masquerade.csv"), "--epochs", "2", "-o", "road.json");
            Ok(dir, "keygen", "-o", "k.key");
            var export = Ok(dir, "export", "road.json", "--image", "road.img", "--key", "k.key");
            Assert.Contains("(the shipped FPGA's)", export.Output);
            // 6,000 frames of another recording, around its attacks.
            var lines = File.ReadAllLines(Path.Combine(TestPaths.Road, "Deal_correlated_signal_attack_1_masquerade.csv"));
            int first = Array.FindIndex(lines, l => l.EndsWith(",1.0", StringComparison.Ordinal));
            File.WriteAllLines(Path.Combine(dir, "heldout.csv"), lines[Math.Max(0, first - 3000)..(Math.Max(0, first - 3000) + 6000)]);
            var replay = Ok(dir, "replay", "heldout.csv", "--model", "road.json", "--target", "rtl", "--pace", "full-load", "-o", "replay");
            Assert.Contains("FPGA: the prebuilt simulator", replay.Output);
            var report = File.ReadAllText(Path.Combine(dir, "replay", "replay.md"));
            Assert.Contains("- FPGA: the prebuilt simulator of fpga/gen (family", report);
            Assert.Contains("the model fits it, no rebuild", report);
            Assert.Contains("**bit-exact check against the integer model: 0 mismatches** in 6,000 frames", report);
        }

        [Fact]
        public void TheDemoRunsEveryStageAndReportsAccuracyBitExactnessAndLatency()
        {
            var dir = TestPaths.NewScratch();
            var run = Ok(dir, "demo", "-o", "out", "--train-seconds", "20", "--test-seconds", "8", "--epochs", "2", "--replay-seconds", "3");
            Assert.Contains("report:", run.Output);
            var md = File.ReadAllText(Path.Combine(dir, "out", "demo.md"));
            Assert.Contains("accuracy (held-out windows)", md);
            Assert.Contains("**0 mismatches**", md);
            Assert.Contains("prebuilt simulator of fpga/gen", md); // the trained model runs on the shipped bitstream
            Assert.Contains("p50", md);
            foreach (var png in new[] { "evaluation/confusion-matrix.png", "training/training-accuracy.png", "replay/latency-histogram.png" })
                Assert.True(new FileInfo(Path.Combine(dir, "out", png)).Length > 1000, png);
            Assert.True(File.Exists(Path.Combine(dir, "out", "cqmlp-demo.img")));
            Assert.True(File.Exists(Path.Combine(dir, "out", "rtl", "cqmlp_params.vh")));

            // demo.json: the same stages and figures against the paper as demo.md, and the evaluation's own JSON.
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "demo.json")));
            Assert.Equal("canids.demo/1", json.RootElement.GetProperty("schema").GetString());
            var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
            Assert.True(stages.Count >= 5);
            foreach (var stage in stages)
            {
                // | stage | seconds | CPU | result |: the cores the demo kept busy during the stage, and those others did
                var cpu = stage.GetProperty("cpu_cores").GetDouble();
                Assert.True(cpu >= 0 && double.IsFinite(cpu), $"cpu_cores {cpu}");
                Assert.Contains($"| {stage.GetProperty("stage").GetString()} | {stage.GetProperty("seconds").GetDouble().ToString("F0", System.Globalization.CultureInfo.InvariantCulture)} | {cpu.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} cores (others ", md);
                Assert.Contains($" | {stage.GetProperty("result").GetString()} |", md);
            }
            foreach (var row in json.RootElement.GetProperty("versus_paper").EnumerateArray())
                Assert.Contains($"| {row.GetProperty("figure").GetString()} | {row.GetProperty("paper").GetString()} | {row.GetProperty("measured").GetString()} |", md);
            using var evaluation = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "evaluation", "evaluation.json")));
            ResultsJsonTests.AssertSameEvaluation(evaluation.RootElement.GetProperty("evaluation"), md);
        }
    }
}
