using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace CanIds.NanoClr
{
    /// <summary>
    /// One run of nanoCLR over a list of .pe files (mscorlib first, the entry assembly or NFUnitTest last). nanoCLR's
    /// exit code is always 0: callers judge the run by its output. Each output line can sample the process's CPU time
    /// (Linux /proc/PID/schedstat, nanoseconds) at the moment it is read.
    /// </summary>
    public static class NanoClrProcess
    {
        /// <summary>A line of the interpreter's output and the process's CPU time when it was read (null where unavailable).</summary>
        public readonly record struct Line(string Text, long? CpuNanoseconds);

        /// <summary>
        /// Runs <paramref name="peFiles"/> to completion (killed after <paramref name="timeout"/>); every output line,
        /// with the CPU time sampled when it arrived if <paramref name="sampleCpu"/> says so for that line.
        /// </summary>
        public static IReadOnlyList<Line> Run(NanoClrTool tool, IEnumerable<string> peFiles, TimeSpan timeout, Func<string, bool>? sampleCpu = null)
        {
            var info = new ProcessStartInfo(tool.NanoClr) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(tool.CoreLibDirectory, "mscorlib.pe"));
            foreach (var pe in peFiles) info.ArgumentList.Add(pe);
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {tool.NanoClr}");
            var lines = new List<Line>();
            var stderr = process.StandardError.ReadToEndAsync();
            var deadline = Stopwatch.StartNew();
            string? text;
            while ((text = ReadLine(process, deadline, timeout)) != null)
            {
                long? cpu = sampleCpu != null && sampleCpu(text) ? Cpu(process.Id) : null;
                lines.Add(new Line(text, cpu));
            }

            if (!process.WaitForExit((int)Math.Max(1, (timeout - deadline.Elapsed).TotalMilliseconds)))
            {
                process.Kill(entireProcessTree: true);
                lines.Add(new Line($"(nanoclr killed after {timeout.TotalSeconds:0} s)", null));
            }

            foreach (var l in stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)) lines.Add(new Line(l.TrimEnd('\r'), null));
            return lines;
        }

        private static string? ReadLine(Process process, Stopwatch clock, TimeSpan timeout)
        {
            var read = process.StandardOutput.ReadLineAsync();
            if (!read.Wait(timeout - clock.Elapsed > TimeSpan.Zero ? timeout - clock.Elapsed : TimeSpan.Zero))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            return read.Result?.TrimEnd('\r');
        }

        /// <summary>CPU time the process has used so far, ns (from /proc/PID/schedstat); null where the kernel does not tell.</summary>
        public static long? Cpu(int pid)
        {
            try
            {
                var fields = File.ReadAllText($"/proc/{pid}/schedstat").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                return null;
            }
        }
    }
}
