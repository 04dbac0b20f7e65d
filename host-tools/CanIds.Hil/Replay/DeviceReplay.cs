using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using CanIds.Core;
using CanIds.Core.Update;
using CanIds.Device;
using CanIds.Traffic;

namespace CanIds.Hil.Replay
{
    /// <summary>
    /// Replays a log through a real device on a serial port: frames go in INJECT requests (entering its detection
    /// path as if received on CAN, judged by its FPGA), verdicts and the device's own arrival-to-verdict times come
    /// back in the answers, report lines are kept. Recorded pace sends each frame when the log says (in real time);
    /// full load sends as fast as the serial line allows.
    /// </summary>
    public static class DeviceReplay
    {
        /// <summary>Runs <paramref name="records"/> through the device behind <paramref name="client"/>; <paramref name="reportLines"/> collects its report lines.</summary>
        public static ReplayOutcome Run(DeviceClient client, IReadOnlyList<CanRecord> records, long[] arrivalsUs, ReplayPace pace, List<string> reportLines, Action<int>? progress = null, TimeSpan? settle = null)
        {
            client.ReportLine = reportLines.Add;
            var outcome = new ReplayOutcome(records.Count, arrivalsUs);
            var frames = new CanFrame[UpdateProtocol.MaxInjectFrames];
            for (int i = 0; i < frames.Length; i++) frames[i] = new CanFrame();
            var verdicts = new List<InjectedVerdict>();
            int judged = 0, lastTag = -1;
            long tagged = -1;

            void Collect()
            {
                for (; judged < verdicts.Count; judged++)
                {
                    var v = verdicts[judged];
                    tagged += lastTag < 0 ? v.Tag + 1 : (v.Tag - lastTag) & 0xFFFF;
                    lastTag = v.Tag;
                    if (tagged >= records.Count) throw new InvalidOperationException($"the device returned verdict tag {v.Tag} for no injected frame (was it idle when the replay began?)");
                    outcome.Classes[tagged] = (byte)v.Class;
                    outcome.LatencyUs[tagged] = v.LatencyUs;
                }
            }

            client.Inject([], verdicts); // verdicts of earlier traffic are not ours
            verdicts.Clear();
            var clock = Stopwatch.StartNew();
            for (int at = 0; at < records.Count;)
            {
                long nowUs = clock.Elapsed.Ticks / 10;
                int n = 0;
                while (n < frames.Length && at + n < records.Count && (pace == ReplayPace.FullLoad || arrivalsUs[at + n] <= nowUs))
                {
                    records[at + n].CopyTo(frames[n]);
                    n++;
                }

                if (n == 0)
                {
                    long wait = arrivalsUs[at] - nowUs;
                    if (wait > 2000) Thread.Sleep((int)Math.Min(wait / 1000 - 1, 50));
                    else if (verdicts.Count == judged) Thread.SpinWait(100);
                    continue;
                }

                at += client.Inject(frames.AsSpan(0, n), verdicts); // a full queue takes fewer: the rest goes next
                Collect();
                progress?.Invoke(at);
            }

            var deadline = Stopwatch.StartNew();
            while (judged < records.Count && deadline.Elapsed < (settle ?? TimeSpan.FromSeconds(5)))
            {
                client.Inject([], verdicts);
                Collect();
            }

            return outcome;
        }
    }
}
