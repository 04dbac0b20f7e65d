using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CanIds.Cli.Demo
{
    /// <summary>
    /// Where the machine's CPU went during a stretch of work: the cores this process kept busy and the cores every other
    /// process kept busy, on average over the stretch. A slow demo run explains itself with it: training beside another
    /// CPU-heavy job shows about one core taken by others. Others' share comes from /proc/stat (Linux); elsewhere it is unknown.
    /// </summary>
    public readonly record struct CpuShare(double Seconds, double OwnCores, double OtherCores)
    {
        /// <summary>"1.9 cores (others 0.0)", or without the others' share where the system does not tell it.</summary>
        public override string ToString() => double.IsNaN(OtherCores)
            ? string.Create(CultureInfo.InvariantCulture, $"{OwnCores:F1} cores")
            : string.Create(CultureInfo.InvariantCulture, $"{OwnCores:F1} cores (others {OtherCores:F1})");

        /// <summary>A point to measure from.</summary>
        public readonly record struct Mark(long Ticks, TimeSpan Own, double BusySeconds);

        /// <summary>Now.</summary>
        public static Mark Now() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime, MachineBusySeconds());

        /// <summary>The share from <paramref name="from"/> to now.</summary>
        public static CpuShare Since(Mark from)
        {
            var to = Now();
            double seconds = Stopwatch.GetElapsedTime(from.Ticks, to.Ticks).TotalSeconds;
            if (seconds <= 0) return new CpuShare(0, 0, 0);
            double own = (to.Own - from.Own).TotalSeconds / seconds;
            double busy = (to.BusySeconds - from.BusySeconds) / seconds;
            double others = double.IsNaN(busy) ? double.NaN : Math.Max(0, busy - own);
            return new CpuShare(seconds, own, others);
        }

        // Busy CPU time of the whole machine since boot (every state but idle and iowait), NaN where /proc/stat is absent.
        private static double MachineBusySeconds()
        {
            try
            {
                using var reader = new StreamReader("/proc/stat");
                var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields == null || fields.Length < 9 || fields[0] != "cpu") return double.NaN;
                var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                long busy = ticks.Sum() - ticks[3] - ticks[4]; // user nice system idle iowait irq softirq steal
                return busy / 100.0; // USER_HZ is 100 on every Linux ABI .NET runs on
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
            {
                return double.NaN;
            }
        }
    }
}
