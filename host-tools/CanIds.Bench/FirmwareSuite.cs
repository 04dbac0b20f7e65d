using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using CanIds.Firmware.Bench;
using CanIds.NanoClr;

namespace CanIds.Bench
{
    /// <summary>
    /// The firmware's cost on the device's runtime: the receive → SPI → verdict path (firmware/CanIds.Firmware.Bench,
    /// the real FirmwareApp over a fake FPGA that answers the link protocol and a CAN driver that hands frames over as
    /// nanoFramework's does) run on nanoCLR, measured in process CPU time, best of several runs; the same code on .NET in
    /// this process for comparison; and the link's CRC, byte by byte against four bytes per step. Not BenchmarkDotNet:
    /// the interpreter is another process.
    /// </summary>
    public static class FirmwareSuite
    {
        /// <summary>The suite's name in `canids bench`.</summary>
        public const string Name = "firmware";

        /// <summary>What a run measured.</summary>
        public sealed record Result(IReadOnlyList<BenchValue> Values, string Markdown);

        /// <summary>
        /// Runs the benchmark <paramref name="runs"/> times on nanoCLR (the tool beside <paramref name="repoRoot"/>) and on
        /// .NET; <paramref name="progress"/> hears of each run.
        /// </summary>
        public static Result Run(string repoRoot, string configuration, int runs, string scratch, Action<string>? progress = null)
        {
            var tool = NanoClrTool.Find(repoRoot, out var why) ?? throw new InvalidOperationException("suite firmware needs nanoCLR: " + why);
            var assemblies = FirmwareAssemblies.For(repoRoot, "NFBench", "NFBench", configuration).ToList();
            assemblies.Insert(assemblies.Count - 1, Path.Combine(Path.GetDirectoryName(assemblies[^1])!, "CanIds.Firmware.Bench.dll"));
            var pes = PeConverter.Convert(tool, assemblies, Path.Combine(scratch, "nanoclr"));

            var best = new Dictionary<string, double>();
            for (int run = 0; run < runs; run++)
            {
                progress?.Invoke($"nanoCLR run {run + 1} of {runs}");
                foreach (var (name, seconds) in NanoClrRun(tool, pes))
                    best[name] = best.TryGetValue(name, out var b) ? Math.Min(b, seconds) : seconds;
            }

            progress?.Invoke(".NET");
            var dotnet = DotNet(runs);
            return Report(best, dotnet, runs);
        }

        // One nanoCLR process: each case's CPU seconds (from its BEGIN to its END line), less the idle pause's.
        private static IEnumerable<(string Name, double Seconds)> NanoClrRun(NanoClrTool tool, IReadOnlyList<string> pes)
        {
            var lines = NanoClrProcess.Run(tool, pes, TimeSpan.FromMinutes(5), l => l.StartsWith("BEGIN ", StringComparison.Ordinal) || l.StartsWith("END ", StringComparison.Ordinal));
            var begins = new Dictionary<string, long>();
            var cases = new Dictionary<string, double>();
            foreach (var line in lines)
            {
                var parts = line.Text.Split(' ');
                if (parts[0] == "BEGIN" && line.CpuNanoseconds is { } b) begins[parts[1]] = b;
                if (parts[0] == "END" && line.CpuNanoseconds is { } e && begins.TryGetValue(parts[1], out var start)) cases[parts[1]] = (e - start) / 1e9;
            }

            if (!lines.Any(l => l.Text.StartsWith("BENCH DONE", StringComparison.Ordinal)))
                throw new InvalidOperationException("the benchmark did not finish on nanoCLR:\n" + string.Join("\n", lines.TakeLast(20).Select(l => l.Text)));
            if (!cases.ContainsKey("idle")) throw new InvalidOperationException("the process's CPU time could not be read (/proc/PID/schedstat)");
            double idle = cases["idle"];
            return cases.Where(c => c.Key != "idle").Select(c => (c.Key, Math.Max(0, c.Value - idle)));
        }

        // The same workload on .NET in this process, thread CPU time, best of several runs after a warm-up.
        private static Dictionary<string, double> DotNet(int runs)
        {
            var result = new Dictionary<string, double>();
            var batched = new FirmwareWorkload();
            var single = new FirmwareWorkload();
            batched.Run(BenchProgram.Frames, BenchProgram.PerRound);
            single.Run(BenchProgram.Frames, 1);
            var batchedLog = FirmwareWorkload.LogRun(BenchProgram.LoggedFrames, BenchProgram.PerRound);
            var singleLog = FirmwareWorkload.LogRun(BenchProgram.LoggedFrames, 1);
            int replays = BenchProgram.Frames / BenchProgram.LoggedFrames;
            for (int run = 0; run < Math.Max(3, runs); run++)
            {
                Keep(result, "batched", () => batched.Run(BenchProgram.Frames, BenchProgram.PerRound));
                Keep(result, "single", () => single.Run(BenchProgram.Frames, 1));
                Keep(result, "fpga-batched", () => batchedLog.Replay(replays));
                Keep(result, "fpga-single", () => singleLog.Replay(replays));
            }

            return result;
        }

        private static void Keep(Dictionary<string, double> best, string name, Func<int> work)
        {
            double start = ThreadCpuSeconds();
            if (work() != BenchProgram.Frames) throw new InvalidOperationException($"the .NET run of case {name} did not judge every frame");
            double seconds = ThreadCpuSeconds() - start;
            best[name] = best.TryGetValue(name, out var b) ? Math.Min(b, seconds) : seconds;
        }

        private static Result Report(Dictionary<string, double> nano, Dictionary<string, double> dotnet, int runs)
        {
            const string suite = Name;
            int frames = BenchProgram.Frames, k = BenchProgram.PerRound;
            // The firmware's share: each case less the fake FPGA's work replayed alone (hardware on the device).
            double Frame(Dictionary<string, double> d, string c) => Math.Max(0, d[c] - d["fpga-" + c]) / frames * 1e6;
            double Fake(Dictionary<string, double> d, string c) => d["fpga-" + c] / frames * 1e6;
            // A round with k frames costs T + k·F: batched gives T/k + F per frame, single T + F.
            (double F, double T) Split(Dictionary<string, double> d)
            {
                double b = Frame(d, "batched"), s = Frame(d, "single");
                double t = (s - b) * k / (k - 1);
                return (s - t, t);
            }

            var (nf, nt) = Split(nano);
            var (df, dt) = Split(dotnet);
            double crc1 = nano["crc-bytewise"] / BenchProgram.CrcBytes * 1e9, crc4 = nano["crc-sliced"] / BenchProgram.CrcBytes * 1e9;
            var values = new List<BenchValue>
            {
                new(suite, "frame, nanoCLR", $"{k} frames per round", Frame(nano, "batched"), "µs/frame"),
                new(suite, "frame, nanoCLR", "1 frame per round", Frame(nano, "single"), "µs/frame"),
                new(suite, "frame, .NET", $"{k} frames per round", Frame(dotnet, "batched"), "µs/frame"),
                new(suite, "frame, .NET", "1 frame per round", Frame(dotnet, "single"), "µs/frame"),
                new(suite, "per frame, nanoCLR", "derived", nf, "µs"),
                new(suite, "per transfer, nanoCLR", "derived", nt, "µs"),
                new(suite, "per frame, .NET", "derived", df, "µs"),
                new(suite, "per transfer, .NET", "derived", dt, "µs"),
                new(suite, "fake FPGA, nanoCLR (taken out)", $"{k} frames per round", Fake(nano, "batched"), "µs/frame"),
                new(suite, "fake FPGA, nanoCLR (taken out)", "1 frame per round", Fake(nano, "single"), "µs/frame"),
                new(suite, "nanoCLR / .NET", $"{k} frames per round", Frame(nano, "batched") / Frame(dotnet, "batched"), "ratio"),
                new(suite, "CRC-16, one table lookup per byte (baseline), nanoCLR", "", crc1, "ns/byte"),
                new(suite, "CRC-16, four bytes per step (Crc16Ccitt), nanoCLR", "", crc4, "ns/byte"),
                new(suite, "CRC-16 four bytes per step / per byte", "", crc4 / crc1, "ratio"),
            };

            string F2(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
            var md = new StringBuilder();
            md.AppendLine($"## {suite}");
            md.AppendLine();
            md.AppendLine($"The firmware's receive → SPI → verdict path (FirmwareApp over a fake FPGA answering the link protocol and a CAN driver handing frames over as nanoFramework's does; {BenchTraffic.AttacksPerCycle} DoS frames in every {BenchTraffic.Cycle}), {frames:N0} frames per case. The fake FPGA runs in the same interpreter but is hardware on the device: its work, measured alone by replaying the logged transfers of {BenchProgram.LoggedFrames:N0} frames into fresh fakes, is taken out of every figure. nanoCLR: process CPU time of the interpreter (/proc/PID/schedstat), best of {runs} runs; .NET: thread CPU time of the same code in this process, best of {Math.Max(3, runs)}.");
            md.AppendLine();
            md.AppendLine("| case | nanoCLR | .NET | nanoCLR / .NET |");
            md.AppendLine("|---|---:|---:|---:|");
            md.AppendLine($"| µs per frame, {k} frames per main-loop round (a busy bus) | **{F2(Frame(nano, "batched"))}** | {F2(Frame(dotnet, "batched"))} | {Frame(nano, "batched") / Frame(dotnet, "batched"):F0} |");
            md.AppendLine($"| µs per frame, 1 frame per round (one SPI transfer each) | {F2(Frame(nano, "single"))} | {F2(Frame(dotnet, "single"))} | {Frame(nano, "single") / Frame(dotnet, "single"):F0} |");
            md.AppendLine($"| derived: µs per frame taken | {F2(nf)} | {F2(df)} | |");
            md.AppendLine($"| derived: µs per round with an SPI transfer | {F2(nt)} | {F2(dt)} | |");
            md.AppendLine($"| taken out: the fake FPGA's own work, µs per frame, {k} / 1 per round | {F2(Fake(nano, "batched"))} / {F2(Fake(nano, "single"))} | {F2(Fake(dotnet, "batched"))} / {F2(Fake(dotnet, "single"))} | |");
            md.AppendLine();
            md.AppendLine($"CRC-16/CCITT-FALSE on nanoCLR: {crc1:F1} ns/byte one table lookup per byte (baseline), {crc4:F1} ns/byte four bytes per step as the link computes it (ratio {crc4 / crc1:F2}).");
            md.AppendLine();
            return new Result(values, md.ToString());
        }

        private static double ThreadCpuSeconds()
        {
            var ts = default(Timespec);
            if (clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, ref ts) != 0) return System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;
            return ts.Seconds + ts.Nanoseconds / 1e9;
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clock, ref Timespec time);
    }
}
