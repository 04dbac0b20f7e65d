using CanIds.Core;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Reporting;
using CanIds.Firmware.Tests.Simulation;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The receive queue counts what it cannot hold; the verdict handler counts, alerts and rate-limits its reports.</summary>
    [TestClass]
    public class ReceiveAndVerdictTests
    {
        private static readonly byte[] Payload = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        [TestMethod]
        public void TheQueueKeepsOrderAndCountsOverruns()
        {
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            CanReceiveQueue queue = new CanReceiveQueue(bus, clock, 8);
            for (uint id = 1; id <= 12; id++) bus.Queue(id, Payload);
            clock.Microseconds = 500;
            Assert.AreEqual(12, queue.Fill());
            Assert.AreEqual(12L, queue.Received);
            Assert.AreEqual(4L, queue.Overruns);
            CanFrame frame = new CanFrame();
            for (uint id = 1; id <= 8; id++)
            {
                Assert.AreEqual(500L, queue.TryDequeue(frame));
                Assert.AreEqual(id, frame.Id);
            }

            Assert.AreEqual(-1L, queue.TryDequeue(frame));
        }

        [TestMethod]
        public void AnEventWithoutFramesCountsAsABusError()
        {
            SimulatedCanBus bus = new SimulatedCanBus(4);
            CanReceiveQueue queue = new CanReceiveQueue(bus, new ManualClock(), 8);
            queue.Start();
            bus.RaiseArrival();
            Assert.AreEqual(1L, queue.ErrorEvents);
            bus.Queue(5, Payload);
            bus.RaiseArrival();
            Assert.AreEqual(1L, queue.ErrorEvents);
            Assert.AreEqual(1, queue.Count);
        }

        [TestMethod]
        public void AttacksRaiseThePinReportAndAreRateLimited()
        {
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            PendingFrames pending = new PendingFrames(8);
            VerdictHandler handler = new VerdictHandler(pending, port, clock, new ReportWriter(port, new object()), 5, 200);
            handler.SetClasses(new string[] { "Benign", "DoS", "Fuzzing", "Gear-spoof", "RPM-spoof" });
            CanFrame frame = new CanFrame();
            frame.Set(0x316, false, false, Payload, 0, 8);
            for (int tag = 0; tag < 30; tag++) pending.Add(tag, frame, 0);

            clock.Microseconds = 1000;
            handler.OnVerdict(0, 0, 0);
            Assert.IsFalse(port.High);
            for (int tag = 1; tag < 30; tag++) handler.OnVerdict(tag, 4, 0);
            Assert.IsTrue(port.High);
            Assert.AreEqual(30L, handler.Judged);
            Assert.AreEqual(29L, handler.Attacks);
            Assert.AreEqual(29L, handler.Count(4));
            Assert.AreEqual(1000L, handler.MaxLatencyUs);
            string text = port.Text();
            Assert.AreEqual(5, Occurrences(text, "ALERT 1 id=316 class=RPM-spoof"));
            Assert.AreEqual(24L, handler.SuppressedAlerts);

            // The pin holds 200 ms after the last attack, then drops; the suppressed alerts are reported once.
            clock.Microseconds = 150000;
            handler.Tick();
            Assert.IsTrue(port.High);
            clock.Microseconds = 1200000;
            handler.Tick();
            Assert.IsFalse(port.High);
            Assert.IsTrue(port.Text().IndexOf("ALERTS-SUPPRESSED 1200 count=24") >= 0);
        }

        [TestMethod]
        public void FailClosedHoldsThePinUntilReleased()
        {
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            VerdictHandler handler = new VerdictHandler(new PendingFrames(4), port, clock, new ReportWriter(port, new object()), 5, 10);
            handler.ForceAlert(true);
            clock.Microseconds = 10000000;
            handler.Tick();
            Assert.IsTrue(port.High);
            handler.ForceAlert(false);
            Assert.IsFalse(port.High);
            handler.OnLost(3, 7);
            handler.CountUnjudged(2);
            Assert.AreEqual(9L, handler.Unjudged);
        }

        private static int Occurrences(string text, string part)
        {
            int n = 0;
            for (int at = text.IndexOf(part); at >= 0; at = text.IndexOf(part, at + 1)) n++;
            return n;
        }
    }
}
