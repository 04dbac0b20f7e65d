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
    /// Replays a log through the firmware's own main loop and the Verilated FPGA in virtual time: frames arrive in the
    /// virtual CAN driver at their times, the loop runs as on the device (it polls the driver, pushes, polls for
    /// verdicts, and sleeps only when idle, until the next frame's receive event), and every operation moves the clock:
    /// the MCU's derived cost per frame and per transfer, the SPI bits on the wire, the FPGA's cycles (see
    /// <see cref="LinkTimingModel"/>). Each frame's latency is its verdict's time minus its arrival.
    /// </summary>
    public static class RtlReplay
    {
        /// <summary>
        /// Runs <paramref name="records"/> (arriving at <paramref name="arrivalsUs"/>) through a fresh firmware on
        /// <paramref name="fpga"/>, built for <paramref name="family"/>. The firmware first loads <paramref name="model"/>
        /// into the FPGA the way a flashed update is loaded (signed image packed for the family, verified, sent over the
        /// link), so the replay never depends on what the simulated bitstream's memories were initialised with.
        /// <paramref name="progress"/> gets frames done.
        /// </summary>
        public static ReplayOutcome Run(RtlSimulator fpga, HardwareConfig family, IReadOnlyList<CanRecord> records, long[] arrivalsUs, LinkTimingModel timing, IntegerModel model, string storageDir, Action<int>? progress = null)
        {
            var clock = new VirtualClock();
            var spi = new TimedSpi(fpga, clock, timing);
            var rig = new FirmwareRig(spi, new CapturingSerial(), new DirectoryStorage(storageDir), new FirmwareOptions(), clock);
            spi.InFlight = () => rig.App.Link.Unjudged;
            rig.App.Boot();
            rig.LoadModel(model, family);
            rig.Bus.ReadCostUs = timing.McuFrameUs;
            long start = clock.Microseconds; // boot and loading took link transfers: frames arrive after them
            for (int i = 0; i < records.Count; i++) rig.Bus.ArriveAt(records[i], start + arrivalsUs[i], i);

            var outcome = new ReplayOutcome(records.Count, arrivalsUs);
            int judged = 0, lastTag = -1;
            long tagged = -1;

            void Collect()
            {
                for (; judged < rig.Verdicts.Count; judged++)
                {
                    // Tags count the frames the firmware took, modulo 65,536, and come back in order: unwrap.
                    var v = rig.Verdicts[judged];
                    tagged += lastTag < 0 ? v.Tag + 1 : (v.Tag - lastTag) & 0xFFFF;
                    lastTag = v.Tag;
                    if (tagged >= rig.Bus.Taken.Count) throw new InvalidOperationException($"verdict tag {v.Tag} matches no frame the firmware took");
                    int frame = rig.Bus.Taken[(int)tagged];
                    outcome.Classes[frame] = (byte)v.Class;
                    outcome.LatencyUs[frame] = v.TimeUs - start - arrivalsUs[frame];
                }
            }

            for (long rounds = 0; rounds < 50_000_000; rounds++)
            {
                if (!rig.App.RunOnce())
                {
                    if (rig.Bus.Scheduled == 0 && rig.Bus.Waiting == 0 && !rig.App.Link.Busy) break;
                    rig.App.Idle();
                }

                Collect();
                if ((rounds & 1023) == 0) progress?.Invoke(judged);
            }

            Collect();
            progress?.Invoke(records.Count);
            outcome.Overruns = rig.Bus.Overruns;
            return outcome;
        }
    }
}
