using CanIds.Core.Image;
using CanIds.Firmware.Bench;
using CanIds.Firmware.Config;
using CanIds.Firmware.Tests.Simulation;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>
    /// The identifier rule on the device: a frame the FPGA calls benign on an identifier the model does not know is an
    /// attack of the rule's foreign class; the FPGA's attack verdicts stand; without a rule nothing changes. Against
    /// FakeFpga, which calls frames on identifier 0x000 DoS and all others benign.
    /// </summary>
    [TestClass]
    public class IdentifierRuleTests
    {
        private static readonly byte[] Payload = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        private static FirmwareApp NewApp(FakeFpga fpga, SimulatedCanBus bus, ManualClock clock, RecordingPort port, bool rule)
        {
            FirmwareApp app = new FirmwareApp(bus, fpga, port, port, clock, new MemoryStorage(), new FirmwareOptions());
            app.Boot();
            app.Verdicts.SetClasses(new string[] { "Benign", "DoS", "Fuzzing" });
            if (rule)
            {
                KnownIdentifiers known = new KnownIdentifiers(2);
                for (int i = 0; i < 5; i++) known.Add(0x100 + i);
                app.UseIdentifierRule(known);
            }

            return app;
        }

        // frames [first, first + count): every tenth (3, 13 ...) on 0x000, every 50th (7, 57 ...) on the unknown 0x555
        private static void Feed(FirmwareApp app, FakeFpga fpga, SimulatedCanBus bus, ManualClock clock, int first, int count)
        {
            for (int i = first; i < first + count; i++)
            {
                uint id = i % 10 == 3 ? 0u : i % 50 == 7 ? 0x555u : (uint)(0x100 + i % 5);
                Assert.IsTrue(bus.Queue(id, Payload));
                clock.Microseconds += 120;
                if (bus.Waiting >= 7) app.RunOnce();
            }

            for (int i = 0; i < 1000 && app.RunOnce(); i++) clock.Microseconds += 20;
        }

        [TestMethod]
        public void BenignVerdictsOnUnknownIdentifiersBecomeTheForeignClass()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            RecordingPort port = new RecordingPort();
            FirmwareApp app = NewApp(fpga, bus, clock, port, true);
            Feed(app, fpga, bus, clock, 0, 700);
            Assert.AreEqual(700L, app.Verdicts.Judged);
            Assert.AreEqual(70L, app.Verdicts.Count(1));  // 0x000 is unknown too, but the FPGA named it: DoS stands
            Assert.AreEqual(14L, app.Verdicts.Count(2));  // 0x555: benign to the FPGA, foreign to the rule
            Assert.AreEqual(616L, app.Verdicts.Count(0));
            Assert.AreEqual(84L, app.Verdicts.Attacks);
            Assert.AreEqual(0, app.Frames.ForeignPending);
            Assert.IsTrue(port.Text().IndexOf("id=555 class=Fuzzing tag=7 ") >= 0);
            Assert.IsTrue(port.Text().IndexOf("rule=unknown-id") >= 0);
        }

        [TestMethod]
        public void LostResponsesNeitherLoseNorDoubleARuleVerdict()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock, new RecordingPort(), true);
            for (int round = 0; round < 40; round++)
            {
                fpga.LoseResponses = round % 3 == 0 ? 1 : 0;
                Feed(app, fpga, bus, clock, round * 25, 25);
            }

            Assert.AreEqual(1000L, app.Verdicts.Judged);
            Assert.AreEqual(20L, app.Verdicts.Count(2));
            Assert.AreEqual(100L, app.Verdicts.Count(1));
            Assert.AreEqual(0, app.Frames.ForeignPending);
        }

        [TestMethod]
        public void FramesLostWithAnFpgaRestartLeaveNoMarkBehind()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock, new RecordingPort(), true);
            for (int i = 0; i < 5; i++) bus.Queue(0x555, Payload);
            app.RunOnce();                              // five foreign frames pushed ...
            Assert.AreEqual(5, app.Frames.ForeignPending);
            fpga.PowerCycle();                          // ... and forgotten by the FPGA
            for (int i = 0; i < 20 && app.RunOnce(); i++) clock.Microseconds += 20;
            Assert.AreEqual(5L, app.Verdicts.Unjudged);
            Assert.AreEqual(0, app.Frames.ForeignPending);
            Feed(app, fpga, bus, clock, 0, 100);
            Assert.AreEqual(100L, app.Verdicts.Judged);
            Assert.AreEqual(2L, app.Verdicts.Count(2));
        }

        [TestMethod]
        public void WithoutARuleUnknownIdentifiersStayBenign()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock, new RecordingPort(), false);
            Feed(app, fpga, bus, clock, 0, 700);
            Assert.AreEqual(0L, app.Verdicts.Count(2));
            Assert.AreEqual(630L, app.Verdicts.Count(0));
            Assert.AreEqual(0, app.Frames.ForeignPending);
        }
    }
}
