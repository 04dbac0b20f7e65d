using System;
using CanIds.Core;
using CanIds.Firmware;
using CanIds.Firmware.Bench;
using CanIds.Firmware.Config;
using CanIds.Firmware.Ports;
using Xunit;

namespace CanIds.Core.Tests
{
    /// <summary>
    /// The firmware's receive path (driver → frame ring → batched PUSH over the SPI link → verdicts by count and record)
    /// allocates nothing per frame, measured on its .NET build with an FPGA that answers the link protocol and judges
    /// some frames as attacks, and an identifier rule that calls others foreign.
    /// </summary>
    public class ReceivePathAllocationTests
    {
        [Fact]
        public void HundredThousandFramesAllocateNothing()
        {
            var bus = new EndlessBus();
            var ports = new NullPorts();
            var fpga = new FakeFpga { AttackIdWord = 0x0123 };
            var app = new FirmwareApp(bus, fpga, ports, ports, ports, ports, new FirmwareOptions { AlertsPerSecond = 1 });
            app.Boot();
            Assert.True(app.Link.Connected);
            // An identifier rule knowing identifiers below 0x400 only: half the frames become its verdicts.
            var known = new Image.KnownIdentifiers(2);
            for (int w = 0; w < 0x400; w++) known.Add(w);
            app.UseIdentifierRule(known);

            void Run(int frames)
            {
                for (int i = 0; i < frames; i += 6)
                {
                    bus.Refill(6);
                    ports.Microseconds += 5; // under a second in all: the periodic report lines (which do allocate) stay out of the measurement
                    app.RunOnce();
                }

                while (app.RunOnce()) ports.Microseconds += 10;
            }

            Run(6_000); // warm up: JIT and static constructors allocate once
            long judged = app.Verdicts.Judged, attacks = app.Verdicts.Attacks;
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(100_002);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(100_002, app.Verdicts.Judged - judged);
            Assert.True(app.Verdicts.Attacks - attacks > 1_000, "the run must include attack verdicts");
            Assert.True(app.Verdicts.Count(2) > 40_000, "the run must include the identifier rule's verdicts");
            Assert.Equal(0, allocated);
        }

        /// <summary>A driver that hands over frames without allocating (the real one allocates one message per frame itself).</summary>
        private sealed class EndlessBus : ICanBus
        {
            private readonly byte[] _payload = { 1, 2, 3, 4, 5, 6, 7, 8 };
            private int _left;
            private int _n;

            public int Events => _n;

            public void Refill(int frames) => _left = frames;

            public int TryRead(byte[] records, int offset)
            {
                if (_left == 0) return FrameId.None;
                _left--;
                uint id = (uint)(++_n % 50 == 0 ? 0x123 : (_n & 0x7FF));
                InputFormat.WriteRecord(id, false, false, _payload, records, offset);
                return FrameId.Of(id, false, false);
            }

            public void WaitForFrames(int timeoutMs)
            {
            }
        }
    }
}
