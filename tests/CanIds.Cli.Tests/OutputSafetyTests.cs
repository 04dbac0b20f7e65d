using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using CanIds.TestSupport;
using CanIds.Traffic.Files;
using Xunit;

namespace CanIds.Cli.Tests
{
    /// <summary>
    /// No verb destroys what it reads or what is not a regular file: an output naming an input (under any name or link)
    /// is refused, devices and named pipes are written in place, links are written through, and an interrupted run
    /// leaves no temporary file.
    /// </summary>
    public class OutputSafetyTests
    {
        private static readonly TimeSpan Quick = TimeSpan.FromSeconds(120);

        private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

        private static string Workspace()
        {
            var dir = TestPaths.NewScratch();
            File.Copy(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"), Path.Combine(dir, "m.json"));
            Assert.Equal(0, Canids.Run(dir, Quick, "keygen", "-o", "k.key").ExitCode);
            Assert.Equal(0, Canids.Run(dir, Quick, "generate", "-d", "2", "-o", "lab.log").ExitCode);
            return dir;
        }

        [Fact]
        public void AnOutputThatIsAnInputIsRefusedAndTheInputIsUnchanged()
        {
            var dir = Workspace();
            File.CreateSymbolicLink(Path.Combine(dir, "alias.json"), "m.json");
            var before = new[] { "m.json", "k.key", "lab.log", "lab.log.labels" }.ToDictionary(f => f, f => Hash(Path.Combine(dir, f)));
            string[][] attempts =
            [
                ["export", "m.json", "--image", "m.json", "--key", "k.key"],
                ["export", "m.json", "--image", "alias.json", "--key", "k.key"], // the model again, through a link
                ["export", "m.json", "--image", "k.key", "--key", "k.key"],
                ["convert", "lab.log", "-o", "lab.log.labels", "--to", "candump"], // the input's label file
                ["train", "lab.log", "-o", "lab.log", "--epochs", "1"],
            ];
            foreach (var args in attempts)
            {
                var run = Canids.Run(dir, Quick, args);
                Assert.True(run.ExitCode == 64, string.Join(' ', args) + ": " + run);
                Assert.Contains("would destroy it", run.Error);
            }

            foreach (var (file, hash) in before) Assert.Equal(hash, Hash(Path.Combine(dir, file)));
            Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));
        }

        [Fact]
        public async Task ALinkIsWrittenThroughAPipeAndADeviceInPlace()
        {
            var dir = Workspace();
            File.CreateSymbolicLink(Path.Combine(dir, "link.log"), "real.log");
            Assert.Equal(0, Canids.Run(dir, Quick, "convert", "lab.log", "-o", "link.log", "--to", "candump").ExitCode);
            Assert.True(new FileInfo(Path.Combine(dir, "link.log")).LinkTarget != null, "the link was replaced by a file");
            Assert.True(new FileInfo(Path.Combine(dir, "real.log")).Length > 0);
            Assert.True(File.Exists(Path.Combine(dir, "real.log.labels")), "the labels go beside the file written");

            var fifo = Path.Combine(dir, "pipe.log");
            Assert.Equal(0, mkfifo(fifo, 0x1B6));
            var reader = Task.Run(() => File.ReadAllBytes(fifo).Length);
            Assert.Equal(0, Canids.Run(dir, Quick, "convert", "lab.log", "-o", "pipe.log", "--to", "candump").ExitCode);
            Assert.Equal(new FileInfo(Path.Combine(dir, "real.log")).Length, await reader);
            Assert.Equal(FileKind.Fifo, FileIdentity.Of(fifo)!.Value.Kind);

            // A full device refuses the data: an I/O error, and the device node stays what it was.
            var full = Canids.Run(dir, Quick, "convert", "lab.log", "-o", "/dev/full", "--to", "candump");
            Assert.True(full.ExitCode == 74, full.ToString());
            Assert.Equal(FileKind.Device, FileIdentity.Of("/dev/full")!.Value.Kind);
        }

        [Fact]
        public void SigtermLeavesNoTemporaryFile()
        {
            var dir = TestPaths.NewScratch();
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Canids.Dll, "generate", "-d", "100000", "-o", "big.log" }) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            for (int i = 0; i < 1200 && Directory.GetFiles(dir, "big.log.tmp-*").Length == 0; i++) Thread.Sleep(100);
            Assert.NotEmpty(Directory.GetFiles(dir, "big.log.tmp-*")); // it was writing
            Assert.Equal(0, kill(process.Id, 15));
            Assert.True(process.WaitForExit(60_000), "SIGTERM did not end canids");
            Assert.Empty(Directory.GetFiles(dir));
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int mkfifo(string path, int mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
