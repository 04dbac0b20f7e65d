using System;
using System.IO;

namespace CanIds.Cli.Cli
{
    /// <summary>The clone canids runs from, for the verbs that need its sources or builds (the firmware benchmark).</summary>
    public static class Repository
    {
        /// <summary>The repository root (the folder holding Firmware.sln above canids) and the configuration canids was built in.</summary>
        public static (string Root, string Configuration) Locate()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
                {
                    string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
                    return (dir.FullName, configuration);
                }
            }

            throw new InvalidOperationException("this needs a clone of the repository (Firmware.sln above canids) with its nanoFramework builds: run canids from the clone (dotnet build Firmware.sln -c Release)");
        }
    }
}
