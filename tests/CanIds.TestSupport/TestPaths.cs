using System;
using System.IO;

namespace CanIds.TestSupport
{
    /// <summary>Paths of the repository, the shared test material (../shared beside it) and scratch folders.</summary>
    public static class TestPaths
    {
        public static string Root { get; } = FindRepoRoot();

        public static string Road => Path.Combine(Root, "..", "shared", "data", "road");

        public static string Gen => Path.Combine(Root, "fpga", "gen");

        public static string NewScratch()
        {
            var dir = Path.Combine(Path.GetTempPath(), "canids-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Firmware.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Firmware.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
