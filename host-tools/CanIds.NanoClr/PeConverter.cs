using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace CanIds.NanoClr
{
    /// <summary>Turns .NET assemblies built against nanoFramework's mscorlib into the .pe files nanoCLR loads.</summary>
    public static class PeConverter
    {
        /// <summary>
        /// Converts every assembly in <paramref name="assemblies"/> (full paths to .dll files) into
        /// <paramref name="outDir"/>, each with all the others (and mscorlib, and the TestFramework) as load hints;
        /// returns the .pe paths in the same order. The MetadataProcessor exits 0 even when it fails, so a missing
        /// .pe or an error in its output throws, naming the assembly.
        /// </summary>
        public static IReadOnlyList<string> Convert(NanoClrTool tool, IReadOnlyList<string> assemblies, string outDir)
        {
            Directory.CreateDirectory(outDir);
            var hints = new List<string> { "-loadHints", "mscorlib", Path.Combine(tool.CoreLibDirectory, "mscorlib.dll") };
            foreach (var dll in assemblies.Concat(TestFramework(tool)))
            {
                hints.Add("-loadHints");
                hints.Add(Path.GetFileNameWithoutExtension(dll));
                hints.Add(dll);
            }

            var result = new List<string>();
            foreach (var dll in assemblies)
            {
                var pe = Path.Combine(outDir, Path.GetFileNameWithoutExtension(dll) + ".pe");
                File.Delete(pe);
                var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                info.ArgumentList.Add(tool.MetadataProcessor);
                foreach (var h in hints) info.ArgumentList.Add(h);
                foreach (var a in new[] { "-parse", dll, "-compile", pe, "false" }) info.ArgumentList.Add(a);
                using var process = Process.Start(info)!;
                var error = process.StandardError.ReadToEndAsync();
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                string all = output + error.Result;
                if (!File.Exists(pe) || all.Contains("error", StringComparison.OrdinalIgnoreCase) && !File.Exists(pe))
                    throw new InvalidOperationException($"the MetadataProcessor did not convert {dll}: {all.Trim()}");
                result.Add(pe);
            }

            return result;
        }

        private static IEnumerable<string> TestFramework(NanoClrTool tool) =>
            Directory.Exists(tool.TestFrameworkDirectory) ? Directory.GetFiles(tool.TestFrameworkDirectory, "*.dll") : [];
    }
}
