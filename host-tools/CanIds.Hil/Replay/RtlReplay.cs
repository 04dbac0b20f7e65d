using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using CanIds.Core.Update;
using CanIds.Firmware.Config;
using CanIds.Fpga.Sim;
using CanIds.Model.Export;
using CanIds.Model.Hardware;
using CanIds.Model.Integer;
using CanIds.Traffic;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// Replays a log through the firmware logic and the Verilated FPGA in simulated time: frames arrive on the
    /// virtual bus at their arrival times, the firmware's main loop runs whenever it has work, and every SPI transfer
    /// and FPGA cycle moves the clock (see <see cref="LinkTimingModel"/>). Each frame's latency is its verdict's time
    /// minus its arrival.
    /// </summary>
    public static class RtlReplay
    {
        /// <summary>
        /// Runs <paramref name="records"/> (arriving at <paramref name="arrivalsUs"/>) through a fresh firmware on
        /// <paramref name="fpga"/>. The firmware first loads <paramref name="model"/> into the FPGA the way a flashed
        /// update is loaded (signed image, verified, sent over the link), so the replay never depends on what the
        /// simulated bitstream's memories were initialised with.
        /// <paramref name="progress"/> gets frames done.
        /// </summary>
        public static ReplayOutcome Run(RtlSimulator fpga, IReadOnlyList<CanRecord> records, long[] arrivalsUs, LinkTimingModel timing, IntegerModel model, string storageDir, Action<int>? progress = null)
        {
            var clock = new VirtualClock();
            var spi = new TimedSpi(fpga, clock, timing, model.InputLength);
            var rig = new FirmwareRig(spi, new CapturingSerial(), new DirectoryStorage(storageDir), new FirmwareOptions(), clock);
            spi.Outstanding = () => rig.App.Link.Outstanding;
            rig.App.Boot();
            Load(rig, model);
            long start = clock.Microseconds; // boot took link transfers: frames arrive after it
            var outcome = new ReplayOutcome(records.Count, arrivalsUs);
            var queued = new List<int>(records.Count); // frames the receive queue took, in the order they get tags
            int judged = 0, lastTag = -1;
            long tagged = -1;

            void Collect()
            {
                for (; judged < rig.Verdicts.Count; judged++)
                {
                    // Tags count queued frames modulo 65,536 and come back in order (lost windows skip some): unwrap.
                    var v = rig.Verdicts[judged];
                    tagged += lastTag < 0 ? v.Tag + 1 : (v.Tag - lastTag) & 0xFFFF;
                    lastTag = v.Tag;
                    if (tagged >= queued.Count) throw new InvalidOperationException($"verdict tag {v.Tag} matches no queued frame");
                    int frame = queued[(int)tagged];
                    outcome.Classes[frame] = (byte)v.Class;
                    outcome.LatencyUs[frame] = v.TimeUs - start - arrivalsUs[frame];
                }
            }

            for (int i = 0; i < records.Count; i++)
            {
                long due = start + arrivalsUs[i];
                while (clock.Microseconds < due && Busy(rig))
                {
                    long before = clock.Microseconds;
                    rig.App.RunOnce();
                    if (clock.Microseconds == before) clock.Advance(1); // a loop round with no transfer still takes time
                }

                if (clock.Microseconds < due) clock.Microseconds = due;
                if (rig.ArriveAt(records[i], due)) queued.Add(i); // the receive interrupt fires mid-transfer too: stamped when it fired
                Collect();
                if ((i & 1023) == 0) progress?.Invoke(i);
            }

            for (int rounds = 0; Busy(rig) && rounds < 1_000_000; rounds++)
            {
                long before = clock.Microseconds;
                rig.App.RunOnce();
                if (clock.Microseconds == before) clock.Advance(1);
            }

            Collect();
            progress?.Invoke(records.Count);
            outcome.Overruns = rig.App.Queue.Overruns;
            return outcome;
        }

        private static void Load(FirmwareRig rig, IntegerModel model)
        {
            if (!rig.App.Link.Connected) throw new InvalidOperationException("the simulated FPGA does not answer the firmware");
            var hardware = HardwareConfig.For(model);
            var key = RandomNumberGenerator.GetBytes(32);
            rig.App.Provision(key, 0, key.Length);
            var image = WeightImageWriter.Build(model, hardware, key);
            if (rig.App.Activate(image, image.Length) != UpdateProtocol.Ok)
                throw new InvalidOperationException($"the firmware could not load the model into the simulated FPGA: {rig.App.Reason} (the RTL is built for another network shape: canids export --rtl fpga/gen and rebuild)");
        }

        private static bool Busy(FirmwareRig rig) => (rig.App.Queue.Count > 0 || rig.App.Link.Outstanding > 0) && !rig.App.Pipeline.Down;
    }
}
