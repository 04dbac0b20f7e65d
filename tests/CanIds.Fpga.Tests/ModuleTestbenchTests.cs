using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Fpga.Tests
{
    /// <summary>
    /// Each RTL module's own testbench (fpga/tb/tb_MODULE.v: self-checking, random stimulus against a model of the
    /// module), beside the system tests through the SPI pins: built with verilator --binary and run; it must print PASS.
    /// </summary>
    public class ModuleTestbenchTests
    {
        public static TheoryData<string> Testbenches => new(Directory.GetFiles(Path.Combine(TestPaths.Root, "fpga", "tb"), "tb_*.v").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

        [Theory]
        [MemberData(nameof(Testbenches))]
        public void TheModulesOwnTestbenchPasses(string testbench)
        {
            var dir = TestPaths.NewScratch();
            var rtl = Path.Combine(TestPaths.Root, "fpga", "rtl");
            var sources = Directory.GetFiles(rtl, "*.v").Where(f => Path.GetFileName(f) != "cqmlp_top.v").OrderBy(f => f, StringComparer.Ordinal);
            var tb = Path.Combine(TestPaths.Root, "fpga", "tb");
            var build = Run("verilator", dir, ["--binary", "--timing", "-Wno-fatal", "-Wno-lint", "-Wno-style", $"-I{rtl}", $"-I{TestPaths.Gen}", $"-I{tb}",
                "--top-module", "tb", "-Mdir", Path.Combine(dir, "obj"), Path.Combine(tb, testbench), .. sources]);
            Assert.True(build.Code == 0, $"verilator could not build {testbench} (scripts/setup.sh installs verilator):\n{build.Output}");
            var run = Run(Path.Combine(dir, "obj", "Vtb"), dir, []);
            Assert.True(run.Code == 0 && run.Output.Contains("PASS"), $"{testbench} failed:\n{run.Output}");
        }

        [Fact]
        public void EveryModuleButTheTopHasItsOwnTestbench()
        {
            var modules = Directory.GetFiles(Path.Combine(TestPaths.Root, "fpga", "rtl"), "*.v").Select(Path.GetFileNameWithoutExtension).Where(m => m != "cqmlp_top");
            var missing = modules.Where(m => !File.Exists(Path.Combine(TestPaths.Root, "fpga", "tb", $"tb_{m}.v"))).ToList();
            Assert.True(missing.Count == 0, $"modules without a testbench in fpga/tb: {string.Join(", ", missing)}");
        }

        private static (int Code, string Output) Run(string file, string dir, string[] args)
        {
            var info = new ProcessStartInfo(file) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var error = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output + error.Result);
        }
    }
}
