using System;
using System.IO;
using System.Linq;
using CanIds.Device;
using CanIds.Fpga.Sim;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>`canids flash` as a user runs it: the command in its own process, the firmware on the other end of a pseudo-terminal.</summary>
    public class FlashCommandTests
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

        [Fact]
        public void FlashProvisionsUploadsCommitsAndRollsBackAndABadImageNeverReachesTheDevice()
        {
            var dir = TestPaths.NewScratch();
            var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 11 + 3)).ToArray();
            File.WriteAllText(Path.Combine(dir, "k.key"), Convert.ToHexString(key));
            var model = TestModels.Random(601);
            var image = WeightImageWriter.Build(model, HardwareConfig.For(model), key);
            File.WriteAllBytes(Path.Combine(dir, "m.img"), image);
            var damaged = (byte[])image.Clone();
            damaged[damaged.Length / 2] ^= 0x20;
            File.WriteAllBytes(Path.Combine(dir, "bad.img"), damaged);
            uint newId = MemoryLayout.ModelId(model, HardwareConfig.For(model));
            var second = TestModels.Random(602);
            File.WriteAllBytes(Path.Combine(dir, "m2.img"), WeightImageWriter.Build(second, HardwareConfig.For(second), key));

            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("flash-command");
            using var device = new SerialLine(pty.DeviceEnd);
            var rig = Rigs.New(fpga, TestPaths.NewScratch(), serial: device);
            rig.App.Boot();
            uint original = rig.App.ActiveModelId;
            using (new RunningFirmware(rig))
            {
                var bad = Canids.Run(dir, Limit, "flash", "bad.img", "--port", pty.HostEnd, "--key", "k.key");
                Assert.Equal(65, bad.ExitCode);
                Assert.Contains("bad.img", bad.Error);
                Assert.Contains("nothing was sent", bad.Error);

                var unprovisioned = Canids.Run(dir, Limit, "flash", "m.img", "--port", pty.HostEnd);
                Assert.Equal(64, unprovisioned.ExitCode);
                Assert.Contains("--provision", unprovisioned.Error);
                Assert.Equal(original, rig.App.ActiveModelId);

                var flashed = Canids.Run(dir, Limit, "flash", "m.img", "--port", pty.HostEnd, "--provision", "k.key", "--key", "k.key");
                Assert.True(flashed.ExitCode == 0, flashed.ToString());
                Assert.Contains($"model {newId:x8} is active", flashed.Output);
                Assert.Equal(newId, rig.App.ActiveModelId);
                Assert.Equal(newId, rig.App.Link.Status.ModelId);

                // The bitstream's model was never stored, so there is nothing to go back to yet.
                var nothing = Canids.Run(dir, Limit, "flash", "--rollback", "--port", pty.HostEnd);
                Assert.Equal(65, nothing.ExitCode);
                Assert.Contains("no previous model", nothing.Error);

                var next = Canids.Run(dir, Limit, "flash", "m2.img", "--port", pty.HostEnd);
                Assert.True(next.ExitCode == 0, next.ToString());
                Assert.Equal(MemoryLayout.ModelId(second, HardwareConfig.For(second)), rig.App.ActiveModelId);
                var back = Canids.Run(dir, Limit, "flash", "--rollback", "--port", pty.HostEnd);
                Assert.True(back.ExitCode == 0, back.ToString());
                Assert.Contains($"the device runs model {newId:x8}", back.Output);
                Assert.Equal(newId, rig.App.Link.Status.ModelId);
            }
        }

        [Fact]
        public void ASilentPortTimesOutWithExitCode69()
        {
            using var pty = new PtyPair(); // nothing answers on the device end
            var run = Canids.Run(TestPaths.NewScratch(), Limit, "flash", "--status", "--port", pty.HostEnd, "--timeout", "0.2");
            Assert.Equal(69, run.ExitCode);
            Assert.Contains("no answer", run.Error);
        }
    }
}
