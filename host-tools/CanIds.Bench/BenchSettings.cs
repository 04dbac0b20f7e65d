using System.IO;

namespace CanIds.Bench
{
    /// <summary>
    /// What the suites work on. Static because BenchmarkDotNet creates the benchmark objects itself; the suites run in
    /// this process (in-process toolchain), so they read what the command set.
    /// </summary>
    public static class BenchSettings
    {
        /// <summary>Frames per generated test log (parse suite).</summary>
        public static int ParseFrames { get; set; } = 2_000_000;

        /// <summary>Windows per inference and encoding run.</summary>
        public static int Windows { get; set; } = 100_000;

        /// <summary>Frames per RTL co-simulation run.</summary>
        public static int RtlFrames { get; set; } = 500;

        /// <summary>Scratch folder for the generated logs.</summary>
        public static string Scratch { get; set; } = Path.Combine(Path.GetTempPath(), "canids-bench");
    }
}
