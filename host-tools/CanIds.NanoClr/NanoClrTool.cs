using System;
using System.IO;

namespace CanIds.NanoClr
{
    /// <summary>
    /// Where the nanoFramework runtime for Linux lives: nanoclr, the MetadataProcessor and the real TestFramework
    /// (../shared/tools/nanoclr beside the repository, or the folder CANIDS_NANOCLR names), and nanoFramework's
    /// mscorlib 1.17.11 from the NuGet package cache.
    /// </summary>
    public sealed class NanoClrTool
    {
        /// <summary>The mscorlib version the firmware is built against.</summary>
        public const string CoreLibraryVersion = "1.17.11";

        private NanoClrTool(string root, string coreLib)
        {
            Root = root;
            CoreLibDirectory = coreLib;
        }

        /// <summary>The tool's folder.</summary>
        public string Root { get; }

        /// <summary>The interpreter.</summary>
        public string NanoClr => Path.Combine(Root, "bin", "nanoclr");

        /// <summary>The MetadataProcessor (.dll → .pe).</summary>
        public string MetadataProcessor => Path.Combine(Root, "metadata-processor", "nanoFramework.Tools.MetadataProcessor.dll");

        /// <summary>The real nanoFramework.TestFramework and UnitTestLauncher (.dll and .pe).</summary>
        public string TestFrameworkDirectory => Path.Combine(Root, "testframework");

        /// <summary>mscorlib.dll and mscorlib.pe of nanoFramework.CoreLibrary.</summary>
        public string CoreLibDirectory { get; }

        /// <summary>
        /// Finds the tool for the repository at <paramref name="repoRoot"/>; null with <paramref name="why"/> saying
        /// what is missing (in a user's own clone, ../shared is not there).
        /// </summary>
        public static NanoClrTool? Find(string repoRoot, out string why)
        {
            var configured = Environment.GetEnvironmentVariable("CANIDS_NANOCLR");
            var root = Path.GetFullPath(string.IsNullOrEmpty(configured) ? Path.Combine(repoRoot, "..", "shared", "tools", "nanoclr") : configured);
            if (!File.Exists(Path.Combine(root, "bin", "nanoclr")))
            {
                why = $"no nanoCLR at {root} (the development tools beside the repository, ../shared/tools/nanoclr; or set CANIDS_NANOCLR)";
                return null;
            }

            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(packages)) packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var coreLib = Path.Combine(packages, "nanoframework.corelibrary", CoreLibraryVersion, "lib");
            if (!File.Exists(Path.Combine(coreLib, "mscorlib.pe")))
            {
                why = $"nanoFramework.CoreLibrary {CoreLibraryVersion} is not in the NuGet cache ({coreLib}): restore the solution first";
                return null;
            }

            why = "";
            return new NanoClrTool(root, coreLib);
        }
    }
}
