using System.Threading;
using CanIds.Firmware.Bench;
using CanIds.Firmware.Config;
using CanIds.Firmware.Tests.Simulation;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>
    /// The main loop against a CAN driver fed by a real producer thread (receive events on another thread, as on the
    /// device): whatever the interleaving, every frame is taken once and judged, none twice, none lost.
    /// </summary>
    [TestClass]
    public class ConcurrentReceiveTests
    {
        private const int Frames = 20000;

        [TestMethod]
        public void FramesFromAProducerThreadAreAllJudgedOnceWhileTheLoopRuns()
        {
            ThreadedCanBus driver = new ThreadedCanBus(16);
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FirmwareApp app = new FirmwareApp(driver, new FakeFpga(), port, port, clock, new MemoryStorage(), new FirmwareOptions());
            app.Boot();
            Producer producer = new Producer(driver);
            Thread thread = new Thread(producer.Run);
            thread.Start();

            // Bounded by rounds, not by time: a lost wake-up or a deadlock fails the test instead of hanging it.
            for (int round = 0; round < 50000000; round++)
            {
                clock.Microseconds += 10;
                if (app.RunOnce()) continue;
                if (producer.Done && driver.Waiting == 0 && !app.Link.Busy) break;
                app.Idle();
            }

            thread.Join();
            Assert.AreEqual(Frames, driver.Events);
            Assert.AreEqual((long)Frames, app.Pipeline.Frames);
            Assert.AreEqual((long)Frames, app.Verdicts.Judged);
            Assert.AreEqual((long)(Frames / 50), app.Verdicts.Attacks);
            Assert.AreEqual(0L, app.Verdicts.Unjudged);
            Assert.AreEqual(0L, app.Faults.Faults);
        }

        /// <summary>The producer thread's work: frames in bursts of random length, every 50th an attack (identifier 0).</summary>
        private sealed class Producer
        {
            private readonly ThreadedCanBus _driver;
            private readonly byte[] _data = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

            public Producer(ThreadedCanBus driver)
            {
                _driver = driver;
            }

            public bool Done;

            public void Run()
            {
                uint lcg = 12345;
                for (int i = 0; i < Frames; i++)
                {
                    _driver.Arrive(i % 50 == 7 ? 0u : (uint)(0x200 + i % 11), _data);
                    lcg = lcg * 1664525u + 1013904223u;
                    if ((lcg >> 24) < 8) Thread.Sleep(0); // let the loop run between bursts
                }

                Done = true;
            }
        }
    }
}
