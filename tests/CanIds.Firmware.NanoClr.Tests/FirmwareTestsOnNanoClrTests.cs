using System;
using System.IO;
using System.Linq;
using CanIds.NanoClr;
using CanIds.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace CanIds.Firmware.NanoClr.Tests
{
    /// <summary>
    /// Every firmware test case, run on the interpreter a device runs: nanoCLR with the real TestFramework and
    /// UnitTestLauncher over the NFUnitTest assembly built against nanoFramework's mscorlib. Writes the one-line summary
    /// that scripts/test.sh prints (TestResults/nanoclr.txt).
    /// </summary>
    public class FirmwareTestsOnNanoClrTests(ITestOutputHelper output)
    {
        [SkippableFact]
        public void EveryFirmwareTestCasePassesOnTheNanoFrameworkRuntime()
        {
            var tool = NanoClrTool.Find(TestPaths.Root, out var why);
            if (tool == null) Summary($"nanoCLR: skipped ({why})");
            Skip.If(tool == null, why);

            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var assemblies = FirmwareAssemblies.For(TestPaths.Root, "NFUnitTest.Nano", "NFUnitTest", configuration).ToList();
            assemblies.Insert(assemblies.Count - 1, Path.Combine(Path.GetDirectoryName(assemblies[^1])!, "CanIds.Firmware.Bench.dll"));
            var pes = PeConverter.Convert(tool!, assemblies, TestPaths.NewScratch());
            var run = NanoClrProcess.Run(tool!,
                new[] { "nanoFramework.TestFramework.pe", "nanoFramework.UnitTestLauncher.pe" }.Select(f => Path.Combine(tool!.TestFrameworkDirectory, f)).Concat(pes),
                TimeSpan.FromMinutes(10));
            var results = LauncherResults.Parse(run.Select(l => l.Text));
            int expected = TestCaseCount.Of(assemblies[^1]);
            bool complete = results.Done && results.Reported >= expected;
            Summary($"nanoCLR: {results.Passed.Count} passed, {results.Failed.Count} failed{(results.Skipped.Count > 0 ? $", {results.Skipped.Count} skipped" : "")}{(complete ? "" : $" (the run stopped after {results.Reported} of {expected} test cases)")}");
            foreach (var f in results.Failed) output.WriteLine("failed on nanoCLR: " + f);

            Assert.True(results.Failed.Count == 0, $"{results.Failed.Count} firmware test cases failed on nanoCLR:\n" + string.Join("\n", results.Failed));
            Assert.True(complete, $"the run stopped after {results.Reported} of {expected} test cases (it crashed or hung):\n" + string.Join("\n", run.TakeLast(30).Select(l => l.Text)));
        }

        private static void Summary(string line)
        {
            var dir = Path.Combine(TestPaths.Root, "TestResults");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "nanoclr.txt"), line + "\n");
        }
    }
}
