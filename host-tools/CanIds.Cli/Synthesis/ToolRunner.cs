using System;
using System.Diagnostics;
using System.IO;

namespace CanIds.Cli.Synthesis
{
    /// <summary>Runs an external EDA tool (yosys, nextpnr) with its log kept in a file.</summary>
    public static class ToolRunner
    {
        /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> in <paramref name="workDir"/>; returns the exit code.</summary>
        /// <exception cref="InvalidOperationException">The tool is not installed.</exception>
        public static int Run(string tool, string arguments, string workDir, string logPath, TimeSpan timeout)
        {
            var start = new ProcessStartInfo(tool, arguments)
            {
                WorkingDirectory = workDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new CanIds.Fpga.Sim.ToolMissingException($"{tool} is not installed (scripts/setup.sh installs yosys and nextpnr-ice40)");
            }

            using (process)
            using (var log = new StreamWriter(logPath, append: true))
            {
                process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine(e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine(e.Data); };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (!process.WaitForExit(timeout))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"{tool} ran longer than {timeout.TotalMinutes:F0} minutes (log: {logPath})");
                }

                process.WaitForExit();
                return process.ExitCode;
            }
        }
    }
}
