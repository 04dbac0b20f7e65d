using CanIds.Firmware.Bench;
using CanIds.Firmware.Config;
using CanIds.Firmware.Tests.Simulation;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>
    /// The firmware's main loop and SPI link against an FPGA that answers the link protocol (FakeFpga: it judges frames
    /// with identifier 0x000 as DoS): frames pushed in batches, benign verdicts as counts, attacks as records, repairs
    /// after lost responses and a restarted FPGA.
    /// </summary>
    [TestClass]
    public class LinkTests
    {
        private static readonly byte[] Payload = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        private static FirmwareApp NewApp(FakeFpga fpga, SimulatedCanBus bus, ManualClock clock)
        {
            RecordingPort port = new RecordingPort();
            FirmwareApp app = new FirmwareApp(bus, fpga, port, port, clock, new MemoryStorage(), new FirmwareOptions());
            app.Boot();
            Assert.IsTrue(app.Link.Connected);
            return app;
        }

        // frames [first, first + count): every tenth (3, 13, 23 ...) is a DoS frame; the loop runs whenever seven wait
        private static void Feed(FirmwareApp app, SimulatedCanBus bus, ManualClock clock, int first, int count)
        {
            for (int i = first; i < first + count; i++)
            {
                Assert.IsTrue(bus.Queue(i % 10 == 3 ? 0u : (uint)(0x100 + i % 5), Payload));
                clock.Microseconds += 120;
                if (bus.Waiting >= 7) app.RunOnce();
            }

            for (int i = 0; i < 1000 && app.RunOnce(); i++) clock.Microseconds += 20;
        }

        [TestMethod]
        public void EveryFrameIsJudgedInBatchesAndTheAttacksComeAsRecords()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock);
            long transfers = app.Link.Transfers;
            Feed(app, bus, clock, 0, 700);
            Assert.AreEqual(700L, app.Verdicts.Judged);
            Assert.AreEqual(70L, app.Verdicts.Attacks);
            Assert.AreEqual(70L, app.Verdicts.Count(1));
            Assert.AreEqual(630L, app.Verdicts.Count(0));
            Assert.AreEqual(700, fpga.Frames);
            Assert.AreEqual(0L, app.Verdicts.Unjudged);
            Assert.IsTrue(app.Link.Transfers - transfers < 250, "frames were not batched: " + (app.Link.Transfers - transfers) + " transfers");
        }

        [TestMethod]
        public void TheLoopKeepsGoingWhileVerdictsAreAwaitedAndIsIdleOnlyAfter()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(16);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock);
            Assert.IsFalse(app.RunOnce());              // nothing came, nothing awaited: idle
            bus.Queue(0x123, Payload);
            Assert.IsTrue(app.RunOnce());               // took the frame and pushed it
            Assert.AreEqual(1, app.Link.Unjudged);
            Assert.IsTrue(app.RunOnce());               // its verdict is awaited: poll
            Assert.AreEqual(0, app.Link.Unjudged);
            Assert.IsFalse(app.RunOnce());
            app.Idle();
            Assert.AreEqual(1, bus.Waits);
        }

        [TestMethod]
        public void LostResponsesAreRepairedWithoutLosingOrDoublingAVerdict()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock);
            for (int round = 0; round < 40; round++)
            {
                fpga.LoseResponses = round % 3 == 0 ? 1 : 0;
                Feed(app, bus, clock, round * 20, 20);
            }

            Assert.AreEqual(800L, app.Verdicts.Judged);
            Assert.AreEqual(80L, app.Verdicts.Attacks);
            Assert.AreEqual(800, fpga.Frames);
            Assert.IsTrue(app.Link.BadResponses >= 14, "bad responses: " + app.Link.BadResponses);
            Assert.AreEqual(0L, app.Verdicts.Unjudged);
        }

        [TestMethod]
        public void AnFpgaThatRestartedIsSetUpAgainAndTheFramesInFlightAreCountedLost()
        {
            FakeFpga fpga = new FakeFpga();
            SimulatedCanBus bus = new SimulatedCanBus(64);
            ManualClock clock = new ManualClock();
            FirmwareApp app = NewApp(fpga, bus, clock);
            Feed(app, bus, clock, 0, 100);
            for (int i = 0; i < 5; i++) bus.Queue(0x200, Payload);
            app.RunOnce();                              // five frames pushed ...
            fpga.PowerCycle();                          // ... and forgotten by the FPGA
            for (int i = 0; i < 20 && app.RunOnce(); i++) clock.Microseconds += 20;
            Assert.IsTrue(app.Link.Connected);
            Assert.AreEqual(1, app.Link.Restarts);
            Assert.AreEqual(100L, app.Verdicts.Judged);
            Assert.AreEqual(5L, app.Verdicts.Unjudged); // every frame is judged or counted
            Feed(app, bus, clock, 100, 50);
            Assert.AreEqual(150L, app.Verdicts.Judged);
        }
    }
}
