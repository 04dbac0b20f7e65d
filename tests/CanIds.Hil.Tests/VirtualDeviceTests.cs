using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CanIds.Device;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>
    /// `canids device` as README tells a user without a board to use it: start it, provision a key, replay generated
    /// traffic against it, cut its power in the middle of a flash, start it again and finish the flash, refuse an image
    /// signed with another key, roll back: all through the host tool's own commands over its pseudo-terminal.
    /// </summary>
    public class VirtualDeviceTests
    {
        private static readonly TimeSpan Quick = TimeSpan.FromMinutes(3);

        [Fact]
        public void AVirtualDeviceIsFlashedReplayedAgainstResumesAFlashCutByAPowerLossRefusesAForgedImageAndRollsBack()
        {
            var dir = TestPaths.NewScratch();
            File.WriteAllText(Path.Combine(dir, "k.key"), Convert.ToHexString(Rigs.Key) + "\n");
            var model = TestModels.Random(601);
            var image = WeightImageWriter.Build(model, HardwareConfig.For(model), Rigs.Key);
            File.WriteAllBytes(Path.Combine(dir, "r.img"), image);
            uint id = MemoryLayout.ModelId(model, HardwareConfig.For(model));

            string port;
            using (var device = VirtualDeviceProcess.Start(dir, out port))
            {
                var provision = Canids.Run(dir, Quick, "flash", "--provision", "k.key", "--status", "--port", port);
                Assert.True(provision.ExitCode == 0, provision.Error + provision.Output);
                Assert.Contains("key provisioned", provision.Output);

                var replay = Canids.Run(dir, Quick, "replay", "--generate", "2", "--target", "device", "--port", port, "--key", "k.key", "-o", "replay");
                Assert.True(replay.ExitCode == 0, replay.Error + replay.Output);
                // The device's report stream, as text and as JSON lines (one object per line, same order).
                var text = File.ReadAllLines(Path.Combine(dir, "replay", "device-report.log"));
                var jsonLines = File.ReadAllLines(Path.Combine(dir, "replay", "device-report.jsonl"));
                Assert.NotEmpty(text);
                Assert.Equal(text.Length, jsonLines.Length);
                for (int i = 0; i < text.Length; i++)
                {
                    using var json = System.Text.Json.JsonDocument.Parse(jsonLines[i]);
                    Assert.Equal(text[i], json.RootElement.GetProperty("text").GetString());
                    Assert.Equal(text[i].Split(' ')[0], json.RootElement.GetProperty("kind").GetString());
                }

                // Power cut half-way through an upload: the device process is killed while the host sends chunks.
                using var line = new SerialLine(port);
                var client = new DeviceClient(line, TimeSpan.FromSeconds(2));
                Assert.ThrowsAny<Exception>(() => client.Upload(image, 256, (done, total) =>
                {
                    if (done >= total / 2) device.PowerCut();
                }));
            }

            long kept = new FileInfo(Path.Combine(dir, "dev", "flash", "staging.bin")).Length;
            Assert.True(kept > 0 && kept < image.Length, $"the flash kept {kept} of {image.Length} bytes of the upload");
            using (VirtualDeviceProcess.Start(dir, out port))
            {
                var flash = Canids.Run(dir, Quick, "flash", "r.img", "--key", "k.key", "--port", port);
                Assert.True(flash.ExitCode == 0, flash.Error + flash.Output);
                Assert.Matches(@"resumed at byte [1-9]", flash.Output);
                Assert.Contains($"model {id:x8} is active", flash.Output);
            }

            // After another restart the flashed model is the one the device boots with; an image signed with another
            // key is refused and changes nothing; rollback goes back to the image flashed before.
            using (VirtualDeviceProcess.Start(dir, out port))
            {
                var status = Canids.Run(dir, Quick, "flash", "--status", "--port", port);
                Assert.True(status.ExitCode == 0, status.Error + status.Output);
                Assert.Contains($"model={id:x8}", status.Output);

                var other = TestModels.Random(602);
                File.WriteAllBytes(Path.Combine(dir, "forged.img"), WeightImageWriter.Build(other, HardwareConfig.For(other), Enumerable.Repeat((byte)0x55, 32).ToArray()));
                var forged = Canids.Run(dir, Quick, "flash", "forged.img", "--port", port);
                Assert.Equal(65, forged.ExitCode);
                Assert.Contains("tag", forged.Error);
                Assert.Contains($"model={id:x8}", Canids.Run(dir, Quick, "flash", "--status", "--port", port).Output);

                // The first flash replaced the bitstream's model (not an image: nothing to roll back to); a second one
                // keeps the first for rollback.
                Assert.Equal(65, Canids.Run(dir, Quick, "flash", "--rollback", "--port", port).ExitCode);
                File.WriteAllBytes(Path.Combine(dir, "second.img"), WeightImageWriter.Build(other, HardwareConfig.For(other), Rigs.Key));
                var second = Canids.Run(dir, Quick, "flash", "second.img", "--key", "k.key", "--port", port);
                Assert.True(second.ExitCode == 0, second.Error + second.Output);
                Assert.Contains("the previous image is kept for --rollback", Regex.Replace(second.Output, @"\s+", " ")); // the console wraps lines
                var rollback = Canids.Run(dir, Quick, "flash", "--rollback", "--port", port);
                Assert.True(rollback.ExitCode == 0, rollback.Error + rollback.Output);
                Assert.Contains($"rolled back: the device runs model {id:x8}", rollback.Output);
            }
        }
    }

    /// <summary>`canids device` running in a process of its own, stopped (or power-cut) on disposal.</summary>
    internal sealed class VirtualDeviceProcess : IDisposable
    {
        private readonly Process _process;

        private VirtualDeviceProcess(Process process) => _process = process;

        public static VirtualDeviceProcess Start(string dir, out string port)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Canids.Dll, "device", "--storage", "dev" }) info.ArgumentList.Add(arg);
            var process = Process.Start(info)!;
            var device = new VirtualDeviceProcess(process);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            string? line;
            while ((line = process.StandardOutput.ReadLine()) != null && DateTime.UtcNow < deadline)
            {
                var match = Regex.Match(line, @"^serial port: (\S+)");
                if (!match.Success) continue;
                port = match.Groups[1].Value;
                process.StandardOutput.ReadToEndAsync(); // keep draining its status lines
                return device;
            }

            device.PowerCut();
            throw new InvalidOperationException("canids device printed no serial port: " + process.StandardError.ReadToEnd());
        }

        /// <summary>Kills it at once (SIGKILL): a power cut.</summary>
        public void PowerCut()
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
                if (!_process.WaitForExit(10_000)) _process.Kill();
            }

            _process.Dispose();
        }
    }
}
