using System;
using System.Linq;
using CanIds.Core.Update;
using CanIds.Device;
using CanIds.Fpga.Sim;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>
    /// Weight updates for real: the host tool's flash client and the firmware's update service talk over a
    /// pseudo-terminal pair (socat), the firmware loads the Verilated FPGA, its flash is a folder that survives reboots.
    /// </summary>
    public class UpdateOverSerialTests
    {
        private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        private static byte[] ImageOf(IntegerModel model, byte[]? key = null) => WeightImageWriter.Build(model, HardwareConfig.For(model), key ?? Key);

        private static uint IdOf(IntegerModel model) => MemoryLayout.ModelId(model, HardwareConfig.For(model));

        [Fact]
        public void AFlashedModelIsVerifiedLoadedAndClassifiesBitExactly()
        {
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("update-flash");
            var storage = TestPaths.NewScratch();
            var model = TestModels.Random(501);
            var image = ImageOf(model);
            FirmwareRig rig;
            using (var device = new SerialLine(pty.DeviceEnd))
            using (var host = new SerialLine(pty.HostEnd))
            {
                rig = Rigs.New(fpga, storage, serial: device);
                rig.App.Boot();
                using (new RunningFirmware(rig))
                {
                    var client = new DeviceClient(host, Timeout);
                    var hello = client.Hello();
                    Assert.False(hello.KeyProvisioned);
                    Assert.Equal(IdOf(Rigs.DefaultModel), hello.ActiveModelId);
                    Assert.Equal(HardwareConfig.For(model).ConfigId, hello.ConfigId);
                    client.Provision(Key);
                    Assert.Equal(UpdateProtocol.BadState, Assert.Throws<DeviceRefusedException>(() => client.Provision(Key)).Code);

                    client.Upload(image, 256);
                    client.VerifyReadBack(image);
                    Assert.Equal(IdOf(model), client.Commit());
                    Assert.Equal(IdOf(model), client.Hello().ActiveModelId);
                    Assert.Contains("model=" + IdOf(model).ToString("x8"), client.Status());
                }

                // The FPGA now runs the flashed model: every frame judged as the reference judges it with that model.
                Assert.Equal(IdOf(model), rig.App.Link.Status.ModelId);
                var frames = Rigs.Traffic(1.5, seed: 41);
                int first = rig.Verdicts.Count;
                rig.Feed(frames, perRound: 4);
                var expected = Rigs.Expected(model, frames);
                Assert.Equal(frames.Count, rig.Verdicts.Count - first);
                for (int i = 0; i < frames.Count; i++) Assert.Equal(expected[i], rig.Verdicts[first + i].Class);
                // Attacks come back as records naming the bank that judged them: the flashed model's.
                var attacks = rig.Verdicts.Skip(first).Where(v => v.Class != 0).ToList();
                Assert.NotEmpty(attacks);
                Assert.All(attacks, v => Assert.Equal(1, v.Bank));
            }
        }

        [Fact]
        public void ForgedDamagedForeignAndIncompleteImagesAreRefusedAndTheOldModelStays()
        {
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("update-refused");
            using var device = new SerialLine(pty.DeviceEnd);
            using var host = new SerialLine(pty.HostEnd);
            var rig = Rigs.New(fpga, TestPaths.NewScratch(), serial: device);
            rig.App.Boot();
            uint original = rig.App.ActiveModelId;
            using var running = new RunningFirmware(rig);
            var client = new DeviceClient(host, Timeout);
            client.Provision(Key);
            var model = TestModels.Random(502);

            DeviceRefusedException Refused(byte[] image)
            {
                client.Upload(image, 200);
                var e = Assert.Throws<DeviceRefusedException>(() => client.Commit());
                Assert.Equal(original, client.Hello().ActiveModelId);
                return e;
            }

            var forged = ImageOf(model, Enumerable.Repeat((byte)0x55, 32).ToArray());
            var e1 = Refused(forged);
            Assert.Equal(UpdateProtocol.VerifyFailed, e1.Code);
            Assert.Contains("tag", e1.Message);

            var damaged = ImageOf(model);
            damaged[damaged.Length / 2] ^= 0x08;
            var e2 = Refused(damaged);
            Assert.Equal(UpdateProtocol.VerifyFailed, e2.Code);
            Assert.Contains("crc32", e2.Message);

            var foreign = WeightImageWriter.Build(model, HardwareConfig.For(model, 2048), Key);
            var e3 = Refused(foreign);
            Assert.Equal(UpdateProtocol.WrongShape, e3.Code);

            // A truncated image (its first half, uploaded intact): the image's own length check refuses it.
            var whole = ImageOf(model);
            var e4 = Refused(whole.AsSpan(0, whole.Length / 2).ToArray());
            Assert.Equal(UpdateProtocol.VerifyFailed, e4.Code);
            Assert.Contains("length", e4.Message);
        }

        [Fact]
        public void APowerLossMidUploadKeepsThePreviousModelAndTheUploadResumes()
        {
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("update-power-loss");
            var storage = TestPaths.NewScratch();
            var first = TestModels.Random(503);
            var second = TestModels.Random(504);
            var image = ImageOf(second);
            using var host = new SerialLine(pty.HostEnd);
            var client = new DeviceClient(host, Timeout);

            using (var device = new SerialLine(pty.DeviceEnd))
            {
                var rig = Rigs.New(fpga, storage, serial: device);
                rig.App.Boot();
                using (new RunningFirmware(rig))
                {
                    client.Provision(Key);
                    client.Upload(ImageOf(first), 256);
                    Assert.Equal(IdOf(first), client.Commit());
                    // Half of the next model, then the power goes.
                    int sent = 0;
                    Assert.Throws<OperationCanceledException>(() => client.Upload(image, 256, (done, _) =>
                    {
                        sent = (int)done;
                        if (done > image.Length / 2) throw new OperationCanceledException();
                    }));
                    Assert.True(sent > 0);
                }
            }

            // Power returns: the FPGA comes up with its bitstream's model, the firmware boots from its flash.
            fpga.Reset();
            using (var device = new SerialLine(pty.DeviceEnd))
            {
                var rig = Rigs.New(fpga, storage, serial: device);
                rig.App.Boot();
                Assert.Equal(IdOf(first), rig.App.Link.Status.ModelId);
                Assert.Equal(IdOf(first), rig.App.ActiveModelId);
                using (new RunningFirmware(rig))
                {
                    var hello = client.Hello();
                    Assert.Equal(IdOf(first), hello.ActiveModelId);
                    Assert.True(hello.Staged > image.Length / 2 - 300, $"staged {hello.Staged}: the upload resumes, not restarts");
                    client.Upload(image, 256);
                    Assert.Equal(IdOf(second), client.Commit());
                    Assert.True(client.Hello().HasPrevious);
                    Assert.Equal(IdOf(first), client.Rollback());
                    Assert.Equal(IdOf(first), client.Hello().ActiveModelId);
                }
            }
        }
    }
}
