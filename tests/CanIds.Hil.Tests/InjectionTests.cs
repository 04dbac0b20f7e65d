using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
            var expected = Rigs.Expected(Rigs.Unflashed, records);
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
                Rigs.OpenSession(rig, client);
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
                Rigs.OpenSession(rig, client);
                var e = Assert.Throws<DeviceRefusedException>(() => client.Send(UpdateProtocol.Inject, new byte[UpdateProtocol.InjectedFrameLength + 3]));
                Assert.Equal(UpdateProtocol.BadFrame, e.Code);
                Assert.Contains("13-byte", e.Message);
            }

            Assert.Equal(0, rig.App.Pipeline.Frames);
        }

        [Fact]
        public void OnlyTheKeyHolderCanInjectAChallengeServesOnceAndAnotherKeyIsRefused()
        {
            using var pty = new PtyPair();
            using var fpga = RtlSimulator.ForTest("inject-auth");
            using var device = new SerialLine(pty.DeviceEnd);
            using var host = new SerialLine(pty.HostEnd);
            var rig = Rigs.New(fpga, TestPaths.NewScratch(), serial: device);
            rig.App.Boot();
            var frame = new CanFrame();
            frame.Set(0x316, false, false, new byte[8], 0, 8);
            using (new RunningFirmware(rig))
            {
                var client = new DeviceClient(host, TimeSpan.FromSeconds(5));
                var verdicts = new List<InjectedVerdict>();

                // No key provisioned: no challenge at all.
                Assert.Equal(UpdateProtocol.BadState, Assert.Throws<DeviceRefusedException>(() => client.Send(UpdateProtocol.Session, [])).Code);
                rig.App.Provision(Rigs.Key, 0, Rigs.Key.Length);

                // No session: INJECT is refused and nothing enters the detection path.
                var e = Assert.Throws<DeviceRefusedException>(() => client.Inject([frame], verdicts));
                Assert.Equal(UpdateProtocol.BadState, e.Code);
                Assert.Contains("HIL session", e.Message);

                // Another key's proof is refused, and the challenge it answered is used up: the right proof of it fails too.
                var wrong = Rigs.Key.ToArray();
                wrong[0] ^= 1;
                Assert.Equal(UpdateProtocol.VerifyFailed, Assert.Throws<DeviceRefusedException>(() => client.OpenSession(wrong)).Code);
                var nonce = client.Send(UpdateProtocol.Session, []);
                var proof = new byte[HilSession.ProofLength];
                HilSession.Prove(Rigs.Key, nonce, 0, proof, 0);
                var second = client.Send(UpdateProtocol.Session, []); // a newer challenge replaces it
                Assert.NotEqual(nonce, second);
                Assert.Equal(UpdateProtocol.VerifyFailed, Assert.Throws<DeviceRefusedException>(() => client.Send(UpdateProtocol.Session, proof)).Code);
                Assert.Throws<DeviceRefusedException>(() => client.Inject([frame], verdicts));
                Assert.False(rig.App.InSession);

                client.OpenSession(Rigs.Key);
                Assert.True(rig.App.InSession);
                Assert.Equal(1, client.Inject([frame], verdicts));
            }

            for (int i = 0; i < 10; i++) rig.Round(); // the loop is stopped: run it here until the frame is taken
            Assert.Equal(1, rig.App.Pipeline.Frames);
        }
    }
}
