using CanIds.Core;
using CanIds.Firmware.Detection;
using CanIds.Firmware.Ports;
using CanIds.Firmware.Reporting;
using CanIds.Firmware.Tests.Simulation;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>The frame ring remembers what each frame's verdict needs; the verdict handler counts, alerts and rate-limits its reports.</summary>
    [TestClass]
    public class ReceiveAndVerdictTests
    {
        private static readonly byte[] Payload = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        [TestMethod]
        public void TheRingKeepsEachFramesRecordIdentifierAndArrival()
        {
            FrameRing ring = new FrameRing(4);
            SimulatedCanBus bus = new SimulatedCanBus(8);
            bus.Queue(0x316, Payload);
            bus.Queue(0x43F, Payload);
            int id = bus.TryRead(ring.Records, ring.Offset(ring.Next));
            ring.Commit(id, 1000);
            id = bus.TryRead(ring.Records, ring.Offset(ring.Next));
            ring.Commit(id, 1500);
            Assert.AreEqual(2, ring.Next);
            Assert.AreEqual(0x316, ring.Id(0));
            Assert.AreEqual(0x43F, ring.Id(1));
            Assert.AreEqual(1000L, ring.Arrival(0));
            Assert.AreEqual(1500L, ring.Arrival(1));
            Assert.AreEqual(2500L, ring.ArrivalSum(0, 2));
            Assert.AreEqual((byte)0x03, ring.Records[ring.Offset(0)]);
            Assert.AreEqual((byte)0x16, ring.Records[ring.Offset(0) + 1]);
            Assert.AreEqual((byte)8, ring.Records[ring.Offset(1) + 9]);
            Assert.AreEqual(FrameId.None, bus.TryRead(ring.Records, ring.Offset(ring.Next)));
        }

        [TestMethod]
        public void TheRingWrapsAndRestartsAtTagZero()
        {
            FrameRing ring = new FrameRing(2);
            for (int i = 0; i < 10; i++) ring.Commit(i, 100 * i);
            Assert.AreEqual(900L, ring.Arrival(9));
            Assert.AreEqual(800L + 900L, ring.ArrivalSum(8, 2));
            ring.Restart();
            Assert.AreEqual(0, ring.Next);
            ring.Commit(7, 5000);
            Assert.AreEqual(5000L, ring.Arrival(0));
            Assert.AreEqual(7, ring.Id(0));
        }

        [TestMethod]
        public void ExtendedIdentifiersAreReportedWithEightDigits()
        {
            Assert.AreEqual("316", FrameId.Text(0x316));
            Assert.AreEqual("18DAF110", FrameId.Text(FrameId.Of(0x18DAF110, true, false)));
        }

        [TestMethod]
        public void AttacksRaiseThePinReportAndAreRateLimited()
        {
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FrameRing ring = new FrameRing(8);
            VerdictHandler handler = new VerdictHandler(ring, port, clock, new ReportWriter(port, new object()), 5, 200);
            handler.SetClasses(new string[] { "Benign", "DoS", "Fuzzing", "Gear-spoof", "RPM-spoof" });
            ring.Commit(0x316, 0);
            for (int tag = 1; tag < 30; tag++) ring.Commit(0x300 + tag, 0); // 29 identifiers: 29 incidents

            clock.Microseconds = 1000;
            handler.OnBenign(0, 1);
            Assert.IsFalse(port.High);
            for (int tag = 1; tag < 30; tag++) handler.OnAttack(tag, 4, 0);
            Assert.IsTrue(port.High);
            Assert.AreEqual(30L, handler.Judged);
            Assert.AreEqual(29L, handler.Attacks);
            Assert.AreEqual(29L, handler.Count(4));
            Assert.AreEqual(1L, handler.Count(0));
            Assert.AreEqual(1000L, handler.MaxLatencyUs);
            string text = port.Text();
            Assert.AreEqual(5, Occurrences(text, "ALERT 1 id=3"));
            Assert.AreEqual(1, Occurrences(text, "ALERT 1 id=301 class=RPM-spoof tag=1 latency_us=1000"));
            Assert.AreEqual(24L, handler.SuppressedAlerts);
            Assert.AreEqual(29L, handler.Incidents.Begun);
            Assert.AreEqual(IncidentTracker.Slots, handler.Incidents.Open); // bounded: the least recently active ended

            // The pin holds 200 ms after the last attack, then drops; the suppressed alerts are reported once; the
            // incidents end a second after their last verdict, with a line for each one whose ALERT was written.
            clock.Microseconds = 150000;
            handler.Tick(clock.Microseconds);
            Assert.IsTrue(port.High);
            clock.Microseconds = 1200000;
            handler.Tick(clock.Microseconds);
            Assert.IsFalse(port.High);
            Assert.IsTrue(port.Text().IndexOf("ALERTS-SUPPRESSED 1200 count=24") >= 0);
            Assert.AreEqual(0, handler.Incidents.Open);
            Assert.AreEqual(5, Occurrences(port.Text(), "INCIDENT "));
            Assert.IsTrue(port.Text().IndexOf("INCIDENT 1 id=301 class=RPM-spoof frames=1 duration_ms=0") >= 0);
        }

        [TestMethod]
        public void VerdictsOnOneIdentifierWithinASecondAreOneIncident()
        {
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FrameRing ring = new FrameRing(8);
            VerdictHandler handler = new VerdictHandler(ring, port, clock, new ReportWriter(port, new object()), 5, 200);
            handler.SetClasses(new string[] { "Benign", "DoS", "Fuzzing", "Gear-spoof", "RPM-spoof" });
            for (int tag = 0; tag < 40; tag++) ring.Commit(tag < 30 ? 0x316 : 0x43F, 0);

            // 0x316: 20 verdicts 50 ms apart (one incident of 950 ms), 0x43F in between (its own), then 0x316 again 1.5 s later.
            for (int tag = 0; tag < 20; tag++)
            {
                clock.Microseconds = 1000 + tag * 50000L;
                handler.OnAttack(tag, 4, 0);
                handler.Tick(clock.Microseconds);
                if (tag == 10) handler.OnAttack(30, 3, 0);
            }

            clock.Microseconds = 952000 + 1500000;
            handler.Tick(clock.Microseconds);
            handler.OnAttack(20, 4, 0);
            string text = port.Text();
            Assert.AreEqual(3, Occurrences(text, "ALERT "));
            Assert.IsTrue(text.IndexOf("INCIDENT 2452 id=316 class=RPM-spoof frames=20 duration_ms=950") >= 0, text);
            Assert.IsTrue(text.IndexOf("INCIDENT 2452 id=43F class=Gear-spoof frames=1 duration_ms=0") >= 0, text);
            Assert.IsTrue(text.IndexOf("ALERT 2452 id=316 class=RPM-spoof tag=20") >= 0, text);
            Assert.AreEqual(1, handler.Incidents.Open);
            Assert.AreEqual(3L, handler.Incidents.Begun);
        }

        [TestMethod]
        public void ARunOfBenignFramesCountsEveryFrameAndItsLatency()
        {
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FrameRing ring = new FrameRing(4);
            VerdictHandler handler = new VerdictHandler(ring, port, clock, new ReportWriter(port, new object()), 5, 200);
            ring.Commit(1, 100);
            ring.Commit(2, 200);
            ring.Commit(3, 400);
            clock.Microseconds = 1000;
            handler.OnBenign(0, 3);
            Assert.AreEqual(3L, handler.Judged);
            Assert.AreEqual(3L, handler.Count(0));
            Assert.AreEqual(900L, handler.MaxLatencyUs);          // the first frame waited longest
            Assert.AreEqual(900L + 800L + 600L, handler.TotalLatencyUs);
            Assert.IsFalse(port.High);
            Assert.AreEqual(0, port.WrittenCount);
        }

        [TestMethod]
        public void FailClosedHoldsThePinUntilReleased()
        {
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            VerdictHandler handler = new VerdictHandler(new FrameRing(4), port, clock, new ReportWriter(port, new object()), 5, 10);
            handler.ForceAlert(true);
            clock.Microseconds = 10000000;
            handler.Tick(clock.Microseconds);
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
