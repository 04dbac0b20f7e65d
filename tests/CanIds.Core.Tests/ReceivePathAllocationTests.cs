using System;
using CanIds.Core;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Ports;
using Xunit;

namespace CanIds.Core.Tests
{
    /// <summary>The firmware's receive path (bus → window → packed input → sink) allocates nothing per frame.</summary>
    public class ReceivePathAllocationTests
    {
        [Fact]
        public void HundredThousandFramesAllocateNothing()
        {
            var bus = new EndlessBus(100_000);
            var receiver = new FrameReceiver(bus, new FrameWindow(InputFormat.DefaultWindowFrames), new TrafficCounters());
            receiver.Drain(); // warm up: JIT and static constructors allocate once
            bus.Refill(100_000);

            long before = GC.GetAllocatedBytesForCurrentThread();
            int frames = receiver.Drain();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(100_000, frames);
            Assert.Equal(0, allocated);
        }

        private sealed class EndlessBus(int frames) : ICanBus
        {
            private readonly byte[] _payload = { 1, 2, 3, 4, 5, 6, 7, 8 };
            private int _left = frames;

            public event FramesArrivedHandler FramesArrived { add { } remove { } }

            public void Refill(int frames) => _left = frames;

            public bool TryReceive(CanFrame frame)
            {
                if (_left == 0) return false;
                frame.Set((uint)(_left & 0x7FF), false, false, _payload, 0, 8);
                _left--;
                return true;
            }
        }
    }
}
