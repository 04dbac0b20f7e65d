using CanIds.Core;
using CanIds.Core.Image;
using CanIds.Core.Update;
using CanIds.Firmware.Bench;
using CanIds.Firmware.Config;
using CanIds.Firmware.Tests.Simulation;
using CanIds.Firmware.Tests.Support;
using CanIds.Firmware.Update;
using nanoFramework.TestFramework;

namespace CanIds.Firmware.Tests
{
    /// <summary>
    /// The firmware keeps judging when its adapters throw: every exception is caught, reported as a FAULT line and
    /// recovered from, and every frame is either judged or counted unjudged. Faults come from seeded schedules, so a run
    /// is the same on .NET and on nanoCLR.
    /// </summary>
    [TestClass]
    public class FaultInjectionTests
    {
        private const int Frames = 100000;
        private static readonly byte[] Payload = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        [TestMethod]
        public void DetectionSurvivesSpiCanAndFlashFaultsOverAHundredThousandFramesAndCountsEveryFrame()
        {
            FakeFpga fpga = new FakeFpga();
            FaultSchedule before = new FaultSchedule(1500, 11);
            FaultSchedule after = new FaultSchedule(1500, 23);
            FaultSchedule reads = new FaultSchedule(9000, 37);
            FaultSchedule writes = new FaultSchedule(3, 41);
            SimulatedCanBus driver = new SimulatedCanBus(64);
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FaultyStorage flash = new FaultyStorage(new MemoryStorage(), writes);
            FirmwareApp app = new FirmwareApp(new FaultyCanBus(driver, reads), new FaultySpiPort(fpga, before, after), port, port, clock, flash, new FirmwareOptions());
            app.Boot();
            byte[] upload = new byte[300];
            for (int i = 0; i < upload.Length; i++) upload[i] = (byte)(i * 7);

            int attacks = 0, uploads = 0, refused = 0;
            for (int i = 0; i < Frames; i++)
            {
                bool attack = i % 100 == 42;
                if (attack) attacks++;
                Assert.IsTrue(driver.Queue(attack ? 0u : (uint)(0x100 + i % 7), Payload), "the driver's buffer overflowed at frame " + i);
                clock.Microseconds += 400; // 2,500 frames/s: a busy 500 kbit/s bus
                if (driver.Waiting >= 7) app.RunOnce();
                if (i % 2000 == 1000)
                {
                    // The host uploads while the bus streams; the flash fails at random writes, the host retries.
                    upload[0] = (byte)uploads; // a new image each time (the same one would resume, complete, at BEGIN)
                    refused += Upload(app, port, clock, upload, (byte)(uploads * 64));
                    Assert.AreEqual(upload.Length, app.Store.StagedLength, "upload " + uploads + " did not complete");
                    uploads++;
                }
            }

            // The faults stop; the loop runs on (past any back-off) until every frame is settled.
            before.Enabled = false;
            after.Enabled = false;
            reads.Enabled = false;
            for (int k = 0; k < 100000; k++)
            {
                bool busy = app.RunOnce();
                if (!busy && !app.Pipeline.Down && driver.Waiting == 0) break;
                clock.Microseconds += 1000;
            }

            int thrown = before.Thrown + after.Thrown + reads.Thrown + writes.Thrown;
            Assert.IsTrue(before.Thrown >= 5 && after.Thrown >= 5 && reads.Thrown >= 5 && writes.Thrown >= 5, "too few faults injected: " + before.Thrown + "/" + after.Thrown + "/" + reads.Thrown + "/" + writes.Thrown);
            Assert.AreEqual(writes.Thrown, refused, "every flash fault is answered device-fault");
            Assert.AreEqual((long)thrown, app.Faults.Faults);
            Assert.AreEqual(thrown, Occurrences(port.Text(), "FAULT "));
            Assert.AreEqual((long)Frames, app.Pipeline.Frames);
            Assert.AreEqual(app.Pipeline.Frames, app.Verdicts.Judged + app.Verdicts.Unjudged, "a frame was lost uncounted");
            Assert.IsTrue(app.Verdicts.Unjudged < Frames / 100, app.Verdicts.Unjudged + " frames unjudged");
            Assert.IsTrue(app.Verdicts.Attacks <= attacks && app.Verdicts.Attacks >= attacks * 98 / 100, app.Verdicts.Attacks + " of " + attacks + " attacks");
            Assert.IsFalse(app.Pipeline.Down);
            Assert.IsTrue(app.Link.Connected);
        }

        // An upload as the host tool drives it: BEGIN, then CHUNKs from where the device stands (a failed write may have
        // kept part of a chunk: the device's answer says where to go on), each sent again after a device-fault answer.
        // Returns the device-fault answers.
        private static int Upload(FirmwareApp app, RecordingPort port, ManualClock clock, byte[] data, byte seq)
        {
            byte[] begin = new byte[8];
            BigEndian.PutU32(begin, 0, (uint)data.Length);
            BigEndian.PutU32(begin, 4, Crc32.Compute(data, 0, data.Length));
            int refused = 0;
            int result;
            while ((result = Request(app, port, clock, UpdateProtocol.Begin, seq, begin)) == UpdateProtocol.DeviceFault) refused++;
            Assert.AreEqual(UpdateProtocol.Ok, result);
            for (int attempt = 0; app.Store.StagedLength < data.Length; attempt++)
            {
                Assert.IsTrue(attempt < 50, "the upload makes no progress");
                int at = app.Store.StagedLength;
                byte[] chunk = new byte[4 + data.Length - at];
                BigEndian.PutU32(chunk, 0, (uint)at);
                System.Array.Copy(data, at, chunk, 4, data.Length - at);
                result = Request(app, port, clock, UpdateProtocol.Chunk, (byte)(seq + 1 + attempt), chunk);
                if (result == UpdateProtocol.DeviceFault) refused++;
                else Assert.AreEqual(UpdateProtocol.Ok, result);
            }

            return refused;
        }

        [TestMethod]
        public void AFaultThatKeepsComingMakesDetectionBackOffAndItResumesWhenItStops()
        {
            FakeFpga fpga = new FakeFpga();
            FaultSchedule always = new FaultSchedule(1, 5);
            always.Enabled = false;
            FaultSchedule never = new FaultSchedule(1, 6);
            never.Enabled = false;
            SimulatedCanBus driver = new SimulatedCanBus(64);
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FirmwareOptions options = new FirmwareOptions();
            FirmwareApp app = new FirmwareApp(driver, new FaultySpiPort(fpga, always, never), port, port, clock, new MemoryStorage(), options);
            app.Boot();

            always.Enabled = true;
            for (int i = 0; i < 40; i++)
            {
                driver.Queue(0x123, Payload);
                clock.Microseconds += 1000;
                app.RunOnce();
            }

            Assert.IsTrue(app.Pipeline.Down, "a fault on every transfer must take detection down");
            Assert.IsTrue(app.Faults.BackOffs >= 1);
            Assert.IsTrue(always.Thrown <= 3 * options.FaultBurst, always.Thrown + " faults in 40 ms: the loop kept retrying");
            Assert.IsTrue(port.Text().IndexOf("LINK") >= 0 && port.Text().IndexOf("down reason=faults") >= 0);

            always.Enabled = false;
            clock.Microseconds += options.RetryMs * 1000L;
            app.RunOnce(); // the retry sets the link up again
            Assert.IsFalse(app.Pipeline.Down);
            driver.Queue(0x123, Payload);
            for (int i = 0; i < 20 && app.RunOnce(); i++) clock.Microseconds += 1000;
            Assert.AreEqual(app.Pipeline.Frames, app.Verdicts.Judged + app.Verdicts.Unjudged);
            Assert.IsTrue(app.Verdicts.Judged >= 1, "detection did not resume");
        }

        [TestMethod]
        public void AFlashFaultDuringAnUploadIsAnsweredAndReportedAndTheRetrySucceeds()
        {
            FaultSchedule flash = new FaultSchedule(1, 9);
            flash.Enabled = false;
            RecordingPort port = new RecordingPort();
            ManualClock clock = new ManualClock();
            FirmwareApp app = new FirmwareApp(new SimulatedCanBus(4), new FakeFpga(), port, port, clock, new FaultyStorage(new MemoryStorage(), flash), new FirmwareOptions());
            app.Boot();
            byte[] data = new byte[300];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7);

            byte[] begin = new byte[8];
            BigEndian.PutU32(begin, 0, (uint)data.Length);
            BigEndian.PutU32(begin, 4, Crc32.Compute(data, 0, data.Length));
            Assert.AreEqual(UpdateProtocol.Ok, Request(app, port, clock, UpdateProtocol.Begin, 1, begin));

            byte[] chunk = new byte[4 + data.Length];
            System.Array.Copy(data, 0, chunk, 4, data.Length);
            flash.Enabled = true;
            Assert.AreEqual(UpdateProtocol.DeviceFault, Request(app, port, clock, UpdateProtocol.Chunk, 2, chunk));
            Assert.AreEqual(1L, app.Faults.Faults);
            Assert.IsTrue(port.Text().IndexOf("FAULT") >= 0 && port.Text().IndexOf("place=update") >= 0, port.Text());
            Assert.AreEqual(0, app.Store.StagedLength);

            flash.Enabled = false; // the host retries the same request: it is done again, not answered from a cache
            Assert.AreEqual(UpdateProtocol.Ok, Request(app, port, clock, UpdateProtocol.Chunk, 2, chunk));
            Assert.AreEqual(data.Length, app.Store.StagedLength);
        }

        [TestMethod]
        public void AStoredImageWhoseTagDoesNotVerifyIsNotAdoptedAtBootEvenWithTheFpgasModelId()
        {
            byte[] deviceKey = Hex.Parse("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
            byte[] otherKey = Hex.Parse("ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
            LayerShape[] layers = new LayerShape[] { new LayerShape(40, 8, 1, 10, 2, 2), new LayerShape(8, 2, 1, 2, 2, 0) };
            byte[] payload = new byte[100];
            payload[payload.Length - 1] = 2;
            byte[] forged = WeightImage.Build(0x12345678, 1, 4, layers, new string[] { "Benign", "Forged" }, "forged", null, 1700000000, payload, otherKey);

            MemoryStorage flash = new MemoryStorage();
            flash.Write("device.key", 0, deviceKey, 0, deviceKey.Length);
            ImageStore store = new ImageStore(flash, 64 * 1024);
            store.StartStaging(forged.Length, Crc32.Compute(forged, 0, forged.Length));
            store.AppendStaging(forged, 0, forged.Length);
            store.PromoteStaging();

            FakeFpga fpga = new FakeFpga();
            fpga.ModelId = Crc32.Compute(payload, 0, payload.Length); // the FPGA runs a model with the forged image's id
            RecordingPort port = new RecordingPort();
            FirmwareOptions options = new FirmwareOptions();
            FirmwareApp app = new FirmwareApp(new SimulatedCanBus(4), fpga, port, port, new ManualClock(), flash, options);
            app.Boot();

            Assert.AreEqual(options.DefaultClasses.Length, app.Verdicts.Classes.Length);
            Assert.IsTrue(port.Text().IndexOf("stored image rejected") >= 0, port.Text());
        }

        // Sends one update request over the serial line, runs the loop until it is answered, returns the answer's result code.
        private static int Request(FirmwareApp app, RecordingPort port, ManualClock clock, byte type, byte seq, byte[] payload)
        {
            byte[] frame = new byte[2 + payload.Length + 2];
            UpdateProtocol.Start(frame, type, seq);
            System.Array.Copy(payload, 0, frame, 2, payload.Length);
            byte[] wire = new byte[Cobs.MaxEncodedLength(frame.Length) + 2];
            int n = UpdateProtocol.Seal(frame, 2 + payload.Length, wire);
            int from = port.WrittenCount;
            port.Inject(wire, 0, n);
            FrameDecoder decoder = new FrameDecoder(UpdateProtocol.MaxFrame);
            for (int round = 0; round < 64; round++)
            {
                app.RunOnce(); // while frames stream the serial line is served every few rounds
                clock.Microseconds += 1000; // a request takes milliseconds on the wire
                byte[] written = port.Written(from);
                from += written.Length;
                for (int i = 0; i < written.Length; i++)
                {
                    int length = decoder.Push(written[i]);
                    if (length > 0 && decoder.Frame[0] == (type | UpdateProtocol.AnswerFlag)) return decoder.Frame[2];
                }
            }

            Assert.IsTrue(false, "no answer to request " + type);
            return -1;
        }

        private static int Occurrences(string text, string what)
        {
            int n = 0;
            for (int at = text.IndexOf(what); at >= 0; at = text.IndexOf(what, at + what.Length)) n++;
            return n;
        }
    }
}
