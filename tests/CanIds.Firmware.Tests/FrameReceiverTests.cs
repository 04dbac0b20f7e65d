using CanIds.Core;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Tests.Simulation;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The head of the detection path: every received frame yields its window, in order.</summary>
    [TestClass]
    public class FrameReceiverTests
    {
        private static SimulatedCanBus _bus;
        private static RecordingSink _sink;
        private static FrameReceiver _receiver;

        [Setup]
        public void StartReceiver()
        {
            _bus = new SimulatedCanBus(64);
            _sink = new RecordingSink(256);
            _receiver = new FrameReceiver(_bus, new FrameWindow(InputFormat.DefaultWindowFrames), _sink);
            _receiver.Start();
        }

        [TestMethod]
        public void ArrivalEventDrainsEveryWaitingFrame()
        {
            int before = _sink.Count;
            for (uint id = 0x100; id < 0x105; id++)
            {
                _bus.Queue(id, new byte[] { 1, 2, 3 });
            }

            _bus.RaiseArrival();
            Assert.AreEqual(0, _bus.Waiting);
            Assert.AreEqual(before + 5, _sink.Count);
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual((uint)(0x100 + i), _sink.Id(before + i));
            }
        }

        [TestMethod]
        public void EachWindowEndsWithItsOwnFrameAfterTheFramesBeforeIt()
        {
            int before = _sink.Count;
            _bus.Queue(0x0A0, new byte[] { 0xA0 });
            _bus.Queue(0x0B0, new byte[] { 0xB0 });
            Assert.AreEqual(2, _receiver.Drain());
            byte[] last = _sink.Window(before + 1);
            Assert.AreEqual((byte)0xB0, last[31]);
            Assert.AreEqual((byte)0xB0, last[32]);
            Assert.AreEqual((byte)0xA0, last[21]);
            Assert.AreEqual((byte)0xA0, last[22]);
        }

        [TestMethod]
        public void DrainOfAnEmptyBusReturnsZero()
        {
            Assert.AreEqual(0, _receiver.Drain());
        }

        [TestMethod]
        public void TrafficCountersCountByFrameKind()
        {
            TrafficCounters counters = new TrafficCounters();
            CanFrame frame = new CanFrame();
            frame.Set(0x10, false, false, new byte[0], 0, 0);
            counters.OnWindow(frame, null);
            frame.Set(0x18FEF100, true, false, new byte[0], 0, 0);
            counters.OnWindow(frame, null);
            frame.Set(0x10, false, true, new byte[0], 0, 0);
            counters.OnWindow(frame, null);
            Assert.AreEqual(1L, counters.Standard);
            Assert.AreEqual(1L, counters.Extended);
            Assert.AreEqual(1L, counters.Remote);
        }
    }
}
