using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CanIds.NanoClr
{
    /// <summary>
    /// The firmware's assemblies as the CI gate built them against nanoFramework's mscorlib (firmware/nano-gate/*/bin),
    /// in the order nanoCLR must load them: the core, the compile-only device API declarations, the firmware, then the
    /// assembly that uses them.
    /// </summary>
    public static class FirmwareAssemblies
    {
        private static readonly string[] Libraries =
        [
            "CanIds.Core", "nanoFramework.Device.Can", "System.Device.Spi", "System.Device.Gpio", "System.IO.Ports", "System.IO.FileSystem", "CanIds.Firmware",
        ];

        /// <summary>
        /// The libraries and then <paramref name="entry"/> (e.g. "NFBench" or "NFUnitTest"), from the gate project of that
        /// name in <paramref name="repoRoot"/>'s firmware/nano-gate, built in <paramref name="configuration"/>.
        /// </summary>
        public static IReadOnlyList<string> For(string repoRoot, string entryProject, string entry, string configuration)
        {
            var bin = Path.Combine(repoRoot, "firmware", "nano-gate", entryProject, "bin", configuration, "netstandard2.0");
            var list = Libraries.Append(entry).Select(n => Path.Combine(bin, n + ".dll")).ToList();
            var missing = list.FirstOrDefault(p => !File.Exists(p));
            if (missing != null) throw new FileNotFoundException($"{missing} is not built: dotnet build Firmware.sln -c {configuration} builds the nanoFramework gate", missing);
            return list;
        }
    }
}
