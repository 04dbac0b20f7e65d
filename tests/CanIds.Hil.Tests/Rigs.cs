using System;
using CanIds.Device;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CanIds.Firmware.Config;
using CanIds.Fpga.Sim;
using CanIds.Hil;
using CanIds.Model.Inference;
using CanIds.Model.Integer;
using CanIds.TestSupport;
using CanIds.Traffic;
using CanIds.Traffic.Generation;
using CanIds.Traffic.Windows;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>The model built into the RTL and helpers to run traffic through a rig and check every verdict.</summary>
    public static class Rigs
    {
        public static IntegerModel DefaultModel { get; } = ModelFile.Load(Path.Combine(TestPaths.Root, "models", "cqmlp-carhacking.model.json"));

        /// <summary>What a device runs before any image is flashed: the bitstream's own weights, and no identifier rule (rules come in images).</summary>
        public static IntegerModel Unflashed { get; } = DefaultModel.WithIdentifiers(null);

        public static List<CanRecord> Traffic(double seconds, int seed) =>
            TrafficGenerator.Generate(new GeneratorOptions { DurationSeconds = seconds, Seed = seed, Attacks = [.. TrafficGenerator.KnownAttacks] }).ToList();

        /// <summary>The reference class of every frame's window (the window the firmware builds, started afresh).</summary>
        public static byte[] Expected(IntegerModel model, IReadOnlyList<CanRecord> frames)
        {
            var windows = WindowSet.FromRecordsDiscoveringClasses(frames, model.WindowFrames);
            return ModelRunner.Judge(model, windows.Inputs.AsSpan(0, windows.Count * windows.InputLength));
        }

        /// <summary>Asserts the rig judged frame i (tag i) as <paramref name="expected"/>[i], every one, in order.</summary>
        public static void AssertEveryVerdict(FirmwareRig rig, byte[] expected, int firstFrame = 0)
        {
            Assert.Equal(0, rig.Lost);
            Assert.Equal(expected.Length - firstFrame, rig.Verdicts.Count);
            for (int i = 0; i < rig.Verdicts.Count; i++)
            {
                var v = rig.Verdicts[i];
                int frame = firstFrame + i;
                Assert.Equal(frame & 0xFFFF, v.Tag);
                Assert.True(expected[frame] == v.Class, $"frame {frame}: firmware got class {v.Class}, the reference says {expected[frame]}");
            }
        }

        /// <summary>The device key the HIL tests provision.</summary>
        public static byte[] Key { get; } = Convert.FromHexString("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

        /// <summary>Provisions <see cref="Key"/> on the rig and opens a HIL session from <paramref name="client"/> (INJECT needs one).</summary>
        public static void OpenSession(FirmwareRig rig, DeviceClient client)
        {
            if (!rig.App.HasKey) rig.App.Provision(Key, 0, Key.Length);
            client.OpenSession(Key);
        }

        public static FirmwareRig New(RtlSimulator fpga, string storageDir, FirmwareOptions? options = null, Firmware.Ports.ISerialPort? serial = null) =>
            new(fpga, serial ?? new CapturingSerial(), new DirectoryStorage(storageDir), options) { Fpga = fpga };
    }
}
