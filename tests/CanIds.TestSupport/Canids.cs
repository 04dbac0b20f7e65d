using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace CanIds.TestSupport
{
    /// <summary>What a run of the canids command gave.</summary>
    public sealed record CanidsRun(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>Runs the built canids command as a user does: a separate process, its exit code and output captured.</summary>
    public static class Canids
    {
        /// <summary>The canids assembly of the same build configuration as the tests.</summary>
        public static string Dll { get; } = Path.Combine(TestPaths.Root, "host-tools", "CanIds.Cli", "bin",
            typeof(Canids).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug", "net10.0", "canids.dll");

        /// <summary>Runs canids with <paramref name="args"/> in <paramref name="workingDirectory"/>; kills it after <paramref name="timeout"/>.</summary>
        public static CanidsRun Run(string workingDirectory, TimeSpan timeout, params string[] args) => RunWithPath(null, workingDirectory, timeout, args);

        /// <summary>As <see cref="Run"/>, with the PATH canids sees set to <paramref name="path"/> (null: this process's).</summary>
        public static CanidsRun RunWithPath(string? path, string workingDirectory, TimeSpan timeout, params string[] args)
        {
            if (!File.Exists(Dll)) throw new InvalidOperationException($"{Dll} is not built: build Firmware.sln first");
            var info = new ProcessStartInfo(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
            {
                WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            info.ArgumentList.Add(Dll);
            foreach (var a in args) info.ArgumentList.Add(a);
            info.Environment["COLUMNS"] = "160";
            if (path != null) info.Environment["PATH"] = path;
            using var process = Process.Start(info)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"canids {string.Join(' ', args)} ran longer than {timeout}");
            }

            return new CanidsRun(process.ExitCode, output.Result, error.Result);
        }
    }
}
