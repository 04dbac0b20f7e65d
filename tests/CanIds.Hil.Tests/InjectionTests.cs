using System;
using System.Collections.Generic;
using System.Diagnostics;
using CanIds.Core;
using CanIds.Core.Update;
using CanIds.Device;
using CanIds.Fpga.Sim;
using CanIds.TestSupport;
using Xunit;

namespace CanIds.Hil.Tests
{
    /// <summary>
    /// HIL injection: the host sends frames over the serial line (a pseudo-terminal), the firmware judges them on the
    /// Verilated FPGA as if they came from CAN, and their verdicts come back in the answers.
    /// </summary>
    public class InjectionTests
    {
        [Fact]
        public void InjectedFramesAreJudgedBitExactlyAndEveryVerdictComesBackInOrder()
        {
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("inject");
            using var device = new SerialLine(pty.DeviceEnd);
            using var host = new SerialLine(pty.HostEnd);
            var rig = Rigs.New(fpga, TestPaths.NewScratch(), serial: device);
            rig.App.Boot();
            var records = Rigs.Traffic(3.0, seed: 77); // 2 s benign lead-in, then an attack burst
            var expected = Rigs.Expected(Rigs.DefaultModel, records);
            var frames = new CanFrame[records.Count];
            for (int i = 0; i < frames.Length; i++)
            {
                frames[i] = new CanFrame();
                records[i].CopyTo(frames[i]);
            }

            var verdicts = new List<InjectedVerdict>();
            using (new RunningFirmware(rig))
            {
                var client = new DeviceClient(host, TimeSpan.FromSeconds(5));
                for (int at = 0; at < frames.Length;)
                {
                    int n = Math.Min(UpdateProtocol.MaxInjectFrames, frames.Length - at);
                    at += client.Inject(frames.AsSpan(at, n), verdicts); // a full queue accepts fewer: the rest goes again
                }

                var clock = Stopwatch.StartNew();
                while (verdicts.Count < frames.Length && clock.Elapsed < TimeSpan.FromSeconds(30)) client.Inject([], verdicts);
            }

            Assert.Equal(frames.Length, verdicts.Count);
            for (int i = 0; i < frames.Length; i++)
            {
                Assert.Equal(i & 0xFFFF, verdicts[i].Tag);
                Assert.True(expected[i] == verdicts[i].Class, $"frame {i}: device says {verdicts[i].Class}, the reference {expected[i]}");
            }

            Assert.Contains(verdicts, v => v.Class != 0); // the traffic has attacks, and they were seen
        }

        [Fact]
        public void AnInjectOfPartialFramesIsRefusedWithoutQueuingAnything()
        {
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("inject-bad");
            using var device = new SerialLine(pty.DeviceEnd);
            using var host = new SerialLine(pty.HostEnd);
            var rig = Rigs.New(fpga, TestPaths.NewScratch(), serial: device);
            rig.App.Boot();
            using (new RunningFirmware(rig))
            {
                var client = new DeviceClient(host, TimeSpan.FromSeconds(5));
                var e = Assert.Throws<DeviceRefusedException>(() => client.Send(UpdateProtocol.Inject, new byte[UpdateProtocol.InjectedFrameLength + 3]));
                Assert.Equal(UpdateProtocol.BadFrame, e.Code);
                Assert.Contains("13-byte", e.Message);
            }

            Assert.Equal(0, rig.App.Pipeline.Frames);
        }
    }
}
