using System;
using System.IO;
using System.Linq;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>Every verb answers --help, and wrong usage or bad input ends with a clear message and its exit code.</summary>
    public class CommandLineTests
    {
        private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

        public static TheoryData<string> Verbs => new() { "demo", "generate", "convert", "train", "explore", "calibrate", "evaluate", "export", "verify", "keygen", "flash", "device", "replay", "synth", "bench" };

        [Theory]
        [MemberData(nameof(Verbs))]
        public void EveryVerbExplainsItselfWithHelp(string verb)
        {
            var run = Canids.Run(TestPaths.NewScratch(), Quick, verb, "--help");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Usage:", run.Output);
            Assert.Contains($"canids {verb}", run.Output);
        }

        [Fact]
        public void TheRootHelpListsEveryVerb()
        {
            var run = Canids.Run(TestPaths.NewScratch(), Quick, "--help");
            Assert.Equal(0, run.ExitCode);
            foreach (var verb in Verbs) Assert.Contains(verb, run.Output);
        }

        [Fact]
        public void AModelOutsideTheShippedFamilyNeedsItsOwnSimulatorAndWithoutVerilatorThatIsExitCode69()
        {
            var dir = TestPaths.NewScratch();
            ModelFile.Save(TestModels.Random(3, hidden: [300, 128, 64, 32]), Path.Combine(dir, "wide.json"));
            var run = Canids.RunWithPath(TestPaths.NewScratch(), dir, Quick, "replay", "--generate", "1", "-m", "wide.json", "--target", "rtl");
            Assert.True(run.ExitCode == 69, run.ToString());
            Assert.Contains("verilator is not installed", run.Error);
            Assert.DoesNotContain("replay through", run.Output); // it stopped before replaying
        }

        [Fact]
        public void ANonexistentPortIsExitCode69AndBadKeysOrTimeoutsAreRefusedBeforeAnyPortIsOpened()
        {
            var dir = TestPaths.NewScratch();
            var missing = Canids.Run(dir, Quick, "flash", "--status", "--port", "/dev/no-such-port");
            Assert.True(missing.ExitCode == 69, missing.ToString());
            Assert.Contains("/dev/no-such-port: no such serial port", missing.Error);

            // These name their own problem, not the port's: they are checked first.
            File.WriteAllBytes(Path.Combine(dir, "empty.key"), []);
            var empty = Canids.Run(dir, Quick, "flash", "--provision", "empty.key", "--port", "/dev/no-such-port");
            Assert.True(empty.ExitCode == 64, empty.ToString());
            Assert.Contains("empty.key: the key is 0 bytes", empty.Error);
            foreach (var t in new[] { "0", "-1" })
            {
                var timeout = Canids.Run(dir, Quick, "flash", "--status", "--timeout", t, "--port", "/dev/no-such-port");
                Assert.True(timeout.ExitCode == 64, timeout.ToString());
                Assert.Contains($"--timeout {t}", timeout.Error);
            }

            var noKey = Canids.Run(dir, Quick, "replay", "--generate", "1", "--target", "device", "--port", "/dev/no-such-port");
            Assert.True(noKey.ExitCode == 64, noKey.ToString());
            Assert.Contains("--key", noKey.Error);
        }

        [Fact]
        public void ALogWithoutAFrameIsADataErrorForEvaluateAndTrain()
        {
            var dir = TestPaths.NewScratch();
            Assert.Equal(0, Canids.Run(dir, Quick, "generate", "-d", "1", "-o", "lab.log").ExitCode);
            File.WriteAllText(Path.Combine(dir, "short.log"), ""); // a log without a frame
            File.WriteAllLines(Path.Combine(dir, "short.log.labels"), File.ReadAllLines(Path.Combine(dir, "lab.log.labels")).Take(1));
            foreach (var args in new[] { new[] { "evaluate", "built-in", "short.log", "--format", "candump" }, new[] { "train", "short.log", "-o", "m.json", "--format", "candump" } })
            {
                var run = Canids.Run(dir, Quick, args);
                Assert.True(run.ExitCode == 65, run.ToString());
                Assert.Contains("short.log: no window of", run.Error);
                Assert.DoesNotContain("accuracy", run.Output);
            }
        }

        [Fact]
        public void EvaluateAlsoScoresTheTrafficAsTheDeviceSeesIt()
        {
            var dir = TestPaths.NewScratch();
            var run = Canids.Run(dir, Quick, "evaluate", "built-in", "--generate", "5", "-o", "e");
            Assert.True(run.ExitCode == 0, run.ToString());
            var md = File.ReadAllText(Path.Combine(dir, "e", "evaluation.md"));
            Assert.Contains("| zero (as logged) |", md);
            Assert.Contains("| random (as on the device) |", md);
            Assert.Contains("with random bytes past each frame's length (as on the device): accuracy", run.Output.Replace("\n", " "));
            // ... and groups the verdicts into incidents, in the report and its JSON.
            Assert.Contains("### Incidents", md);
            Assert.Contains("Incidents as the device sees the traffic: ", md);
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "e", "evaluation.json")))!;
            var incidents = json["evaluation"]!["incidents"]!;
            Assert.True((int)incidents["count"]! > 0);
            Assert.Equal((int)incidents["count"]!, incidents["list"]!.AsArray().Count);
            Assert.True((double)incidents["hours"]! > 0);
        }

        [Fact]
        public void CalibrateLearnsTheIdentifiersOfTheGivenTrafficAndKeepsTheNetwork()
        {
            var dir = TestPaths.NewScratch();
            Assert.Equal(0, Canids.Run(dir, Quick, "generate", "-d", "5", "--seed", "4", "--attacks", "none", "-o", "drive.log").ExitCode);
            var run = Canids.Run(dir, Quick, "calibrate", "built-in", "drive.log", "-o", "c.model.json");
            Assert.True(run.ExitCode == 0, run.ToString());
            var builtIn = ModelFile.Load(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"));
            var calibrated = ModelFile.Load(Path.Combine(dir, "c.model.json"));
            using var log = Traffic.Formats.LogFormats.Open(Path.Combine(dir, "drive.log"));
            var benign = log.ReadAll().Where(r => r.Label == Traffic.TrafficClasses.Benign)
                .Select(r => (int)Core.InputFormat.EncodeId(r.Id, r.IsExtended, r.IsRemote)).Distinct().OrderBy(w => w).ToArray();
            Assert.Equal(benign, calibrated.Identifiers!.Words());
            Assert.Equal("Fuzzing", calibrated.Classes[calibrated.Identifiers.ForeignClass]); // an attack-free drive names no class: the model's own
            for (int l = 0; l < builtIn.Layers.Count; l++) Assert.Equal(builtIn.Layers[l].Weights, calibrated.Layers[l].Weights);

            var named = Canids.Run(dir, Quick, "calibrate", "built-in", "drive.log", "--foreign-class", "Gear-spoof", "-o", "g.model.json");
            Assert.True(named.ExitCode == 0, named.ToString());
            Assert.Equal("Gear-spoof", ModelFile.Load(Path.Combine(dir, "g.model.json")).Identifiers is { } g ? builtIn.Classes[g.ForeignClass] : null);
            var wrong = Canids.Run(dir, Quick, "calibrate", "built-in", "drive.log", "--foreign-class", "Benign", "-o", "w.model.json");
            Assert.Equal(64, wrong.ExitCode); // usage
            Assert.Contains("--foreign-class: \"Benign\" is not one of the model's attack classes", wrong.Error.Replace("\n", ""));
            Assert.False(File.Exists(Path.Combine(dir, "w.model.json")));
        }

        [Fact]
        public void AnUnknownVerbOrOptionIsAUsageError()
        {
            var unknown = Canids.Run(TestPaths.NewScratch(), Quick, "fly");
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("fly", unknown.Error + unknown.Output);
            var badValue = Canids.Run(TestPaths.NewScratch(), Quick, "replay", "--pace", "warp");
            Assert.NotEqual(0, badValue.ExitCode);
            Assert.Contains("warp", badValue.Error + badValue.Output);
        }

        [Fact]
        public void AMissingLogIsNoInputAndAMalformedLineIsADataErrorNamingTheLine()
        {
            var dir = TestPaths.NewScratch();
            var missing = Canids.Run(dir, Quick, "replay", "nowhere.log", "--target", "model");
            Assert.Equal(66, missing.ExitCode);
            Assert.Contains("nowhere.log", missing.Error);

            File.WriteAllLines(Path.Combine(dir, "bad.log"), ["(1478198376.000000) can0 316#0521680921210000", "(1478198376.000400) can0 3G6#00"]);
            var bad = Canids.Run(dir, Quick, "replay", "bad.log", "--target", "model");
            Assert.Equal(65, bad.ExitCode);
            Assert.Contains("bad.log:2:", bad.Error); // file:line: field: what was expected
            Assert.Contains("CAN ID", bad.Error);
        }
    
        [Fact]
        public void ConvertGoesThroughTrcAndBlfByTheirExtensionsAndADamagedBlfIsADataError()
        {
            var dir = TestPaths.NewScratch();
            Assert.Equal(0, Canids.Run(dir, Quick, "generate", "-d", "2", "-o", "lab.log").ExitCode);
            Assert.Equal(0, Canids.Run(dir, Quick, "convert", "lab.log", "-o", "lab.blf").ExitCode);
            Assert.Equal(0, Canids.Run(dir, Quick, "convert", "lab.blf", "-o", "lab.trc").ExitCode);
            Assert.Equal(0, Canids.Run(dir, Quick, "convert", "lab.trc", "-o", "back.log").ExitCode);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "lab.log")), File.ReadAllBytes(Path.Combine(dir, "back.log")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "lab.log.labels")), File.ReadAllBytes(Path.Combine(dir, "back.log.labels")));

            var blf = File.ReadAllBytes(Path.Combine(dir, "lab.blf"));
            File.WriteAllBytes(Path.Combine(dir, "cut.blf"), blf[..(blf.Length / 2)]);
            var cut = Canids.Run(dir, Quick, "convert", "cut.blf", "-o", "cut.log");
            Assert.Equal(65, cut.ExitCode);
            Assert.Contains("cut.blf", cut.Error);
            Assert.Contains("truncated", cut.Error);
            Assert.False(File.Exists(Path.Combine(dir, "cut.log")));
        }
}
}
