using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>
    /// The JSON each report verb writes beside its Markdown (docs/results-json.md) carries the same figures: every number
    /// the Markdown shows is the JSON's, rounded as the Markdown rounds it.
    /// </summary>
    public class ResultsJsonTests
    {
        private static readonly TimeSpan Quick = TimeSpan.FromMinutes(3);

        [Fact]
        public void EvaluationJsonCarriesTheFiguresOfEvaluationMd()
        {
            var dir = TestPaths.NewScratch();
            var run = Canids.Run(dir, Quick, "evaluate", "built-in", "--generate", "5", "-o", "e");
            Assert.True(run.ExitCode == 0, run.ToString());
            var md = File.ReadAllText(Path.Combine(dir, "e", "evaluation.md"));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "e", "evaluation.json")));
            var root = json.RootElement;
            Assert.Equal("canids.evaluation/1", root.GetProperty("schema").GetString());
            AssertSameEvaluation(root.GetProperty("evaluation"), md);
            var padded = root.GetProperty("device_padding").GetProperty("evaluation");
            Assert.Contains($"| random (as on the device) | {F(padded, "accuracy_percent", "F4")} | {F(padded, "false_positive_rate_percent", "F4")} |", md);
        }

        [Fact]
        public void ReplayJsonCarriesTheFiguresOfReplayMd()
        {
            var dir = TestPaths.NewScratch();
            var run = Canids.Run(dir, Quick, "replay", "--generate", "2", "--target", "rtl", "--pace", "full-load", "-o", "r");
            Assert.True(run.ExitCode == 0, run.ToString());
            var md = File.ReadAllText(Path.Combine(dir, "r", "replay.md"));
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "r", "replay.json")));
            var root = json.RootElement;
            Assert.Equal("canids.replay/1", root.GetProperty("schema").GetString());
            Assert.Equal("rtl", root.GetProperty("target").GetString());
            int frames = root.GetProperty("frames").GetInt32();
            Assert.True(frames > 1000);
            Assert.Contains($"**bit-exact check against the integer model: {root.GetProperty("mismatches").GetInt32():N0} mismatches** in {frames:N0} frames", md);
            Assert.Contains($"- judged {root.GetProperty("judged").GetInt32():N0} of {frames:N0} frames; frames dropped by the CAN driver (its receive buffer full) {root.GetProperty("overruns").GetInt64():N0}", md);
            var l = root.GetProperty("latency_us");
            Assert.Contains($"| {l.GetProperty("frames_timed").GetInt32():N0} | {F(l, "min", "F0")} | {F(l, "p50", "F0")} | {F(l, "mean", "F1")} | {F(l, "p99", "F0")} | {F(l, "max", "F0")} | {l.GetProperty("judged_before_next").GetInt32():N0} ({F(l, "judged_before_next_percent", "F2")} %) |", md);
            AssertSameEvaluation(root.GetProperty("evaluation"), md);
        }

        /// <summary>The accuracy line, every class row and every confusion-matrix row of the Markdown, from the JSON.</summary>
        internal static void AssertSameEvaluation(JsonElement e, string md)
        {
            Assert.Contains($"Accuracy **{F(e, "accuracy_percent", "F4")} %** ({e.GetProperty("misclassified").GetInt64():N0} of {e.GetProperty("windows").GetInt64():N0} windows misclassified); false-positive rate {F(e, "false_positive_rate_percent", "F4")} %", md);
            foreach (var c in e.GetProperty("classes").EnumerateArray())
            {
                string row = c.GetProperty("windows").GetInt64() == 0
                    ? $"| {c.GetProperty("class").GetString()} | 0 | n/a |"
                    : $"| {c.GetProperty("class").GetString()} | {c.GetProperty("windows").GetInt64():N0} | {F(c, "precision_percent", "F3")} | {F(c, "recall_percent", "F3")} | {F(c, "f1_percent", "F3")} | {F(c, "fnr_percent", "F3")} |";
                Assert.Contains(row, md);
            }

            var matrix = e.GetProperty("confusion_matrix");
            var classes = matrix.GetProperty("classes").EnumerateArray().Select(x => x.GetString()).ToArray();
            int t = 0;
            foreach (var row in matrix.GetProperty("rows").EnumerateArray())
                Assert.Contains($"| {classes[t++]} | " + string.Join(" | ", row.EnumerateArray().Select(v => v.GetInt64().ToString("N0", CultureInfo.InvariantCulture))) + " |", md);
        }

        private static string F(JsonElement e, string name, string format) => e.GetProperty(name).GetDouble().ToString(format, CultureInfo.InvariantCulture);
    }
}
