using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace CanIds.DeviceAssemblies.Tests
{
    /// <summary>
    /// The .nfproj files (built by Visual Studio, never here) stay in step with the sources the CI gate compiles:
    /// a file added to a folder but not to its nfproj would pass CI and break the device build.
    /// </summary>
    public class DeviceProjectFileTests
    {
        private static readonly string Root = FindRoot();

        public static TheoryData<string> DeviceProjects => new()
        {
            "firmware/CanIds.Core/CanIds.Core.nfproj",
            "firmware/CanIds.Firmware/CanIds.Firmware.nfproj",
            "tests/CanIds.Firmware.Tests/CanIds.Firmware.Tests.nfproj",
        };

        [Theory]
        [MemberData(nameof(DeviceProjects))]
        public void CompilesEverySourceOfItsFolder(string project)
        {
            var path = Path.Combine(Root, project);
            var folder = Path.GetDirectoryName(path)!;
            var listed = Items(path, "Compile").Select(i => i.Replace('\\', '/')).OrderBy(s => s, StringComparer.Ordinal).ToList();
            var onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
                .OrderBy(s => s, StringComparer.Ordinal).ToList();
            Assert.Equal(onDisk, listed);
        }

        [Theory]
        [MemberData(nameof(DeviceProjects))]
        public void ReferencesExistingProjectsAndTheServedCoreLibrary(string project)
        {
            var path = Path.Combine(Root, project);
            var folder = Path.GetDirectoryName(path)!;
            foreach (var reference in Items(path, "ProjectReference"))
            {
                Assert.True(File.Exists(Path.Combine(folder, reference.Replace('\\', '/'))), $"{project} references missing {reference}");
            }

            var packages = XDocument.Load(Path.Combine(folder, "packages.config"));
            var core = packages.Root!.Elements("package").Single(p => (string)p.Attribute("id") == "nanoFramework.CoreLibrary");
            Assert.Equal("1.17.11", (string)core.Attribute("version"));
            Assert.Contains(Items(path, "Reference"), r => r.StartsWith("mscorlib, Version=1.17.11.0", StringComparison.Ordinal));
        }

        private static string[] Items(string nfproj, string kind)
        {
            XNamespace ns = "http://schemas.microsoft.com/developer/msbuild/2003";
            return XDocument.Load(nfproj).Descendants(ns + kind).Select(e => (string)e.Attribute("Include")).ToArray();
        }

        private static string FindRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Firmware.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
