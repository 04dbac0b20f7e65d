using System;
using System.Collections.Generic;

namespace CanIds.NanoClr
{
    /// <summary>
    /// What nanoFramework's UnitTestLauncher printed: one line per test case (<c>Test passed,NAME,TICKS</c>,
    /// <c>Test failed,NAME,MESSAGE</c>, <c>Test skipped,NAME,MESSAGE</c>); nanoCLR prints <c>Done.</c> when the runtime
    /// stopped. A run without <c>Done.</c> hung or was killed; loading errors and unhandled exceptions are kept as failures.
    /// </summary>
    public sealed class LauncherResults
    {
        /// <summary>Test cases that passed.</summary>
        public List<string> Passed { get; } = new();

        /// <summary>Failed test cases with their messages (and loading errors).</summary>
        public List<string> Failed { get; } = new();

        /// <summary>Skipped test cases.</summary>
        public List<string> Skipped { get; } = new();

        /// <summary>True when the runtime stopped by itself.</summary>
        public bool Done { get; private set; }

        /// <summary>Test cases reported.</summary>
        public int Reported => Passed.Count + Skipped.Count + Failed.Count;

        /// <summary>Reads the launcher's output.</summary>
        public static LauncherResults Parse(IEnumerable<string> lines)
        {
            var r = new LauncherResults();
            foreach (var line in lines)
            {
                if (line.StartsWith("Test passed,", StringComparison.Ordinal)) r.Passed.Add(line["Test passed,".Length..]);
                else if (line.StartsWith("Test failed,", StringComparison.Ordinal)) r.Failed.Add(line["Test failed,".Length..]);
                else if (line.StartsWith("Test skipped,", StringComparison.Ordinal)) r.Skipped.Add(line["Test skipped,".Length..]);
                else if (line.Trim() == "Done.") r.Done = true;
                else if (line.StartsWith("Error:", StringComparison.Ordinal) || line.Contains("Invalid native checksum", StringComparison.Ordinal) || line.Contains("cannot be resolved", StringComparison.Ordinal)
                         || line.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase)) r.Failed.Add(line);
            }

            return r;
        }
    }
}
