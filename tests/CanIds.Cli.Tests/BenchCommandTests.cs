using System;
using System.IO;
using System.Linq;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>`canids bench` runs its suites and writes their figures; only their sanity is asserted (a positive MB/s, parsing slower than counting newlines), not their values.</summary>
    public class BenchCommandTests
    {
        [Fact]
        public void ParseSuiteReportsFramesAndMegabytesPerSecondForEveryFormatAgainstItsBaseline()
        {
            var dir = TestPaths.NewScratch();
            var run = Canids.Run(dir, TimeSpan.FromMinutes(5), "bench", "parse", "--quick", "--parse-frames", "20000", "-o", "b");
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = File.ReadAllLines(Path.Combine(dir, "b", "bench.md"));
            Assert.Contains(lines, l => l.StartsWith("| case | parameters | mean per call | ± s.e. | frames/s | MB/s | ratio to baseline |", StringComparison.Ordinal));
            foreach (var format in new[] { "CarHackingCsv", "CarHackingText", "DecimalCsv", "Candump", "VectorAsc" })
            {
                var row = Assert.Single(lines, l => l.StartsWith($"| Parse | [Format={format}]", StringComparison.Ordinal));
                var cells = row.Split('|').Select(c => c.Trim()).ToArray();
                Assert.True(double.Parse(cells[6], System.Globalization.CultureInfo.InvariantCulture) > 0, row); // MB/s
                Assert.True(double.Parse(cells[7], System.Globalization.CultureInfo.InvariantCulture) > 0, row); // a measured ratio: reported, its size not asserted (load changes it)
                Assert.Single(lines, l => l.StartsWith($"| **CountLines** (baseline) | [Format={format}]", StringComparison.Ordinal));
            }
        }
    }
}
