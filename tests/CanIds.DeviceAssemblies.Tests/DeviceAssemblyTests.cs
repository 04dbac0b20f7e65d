using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CanIds.DeviceAssemblies.Tests
{
    /// <summary>The assemblies that go to the device contain nothing the nanoFramework 1.x interpreter cannot run.</summary>
    public class DeviceAssemblyTests
    {
        private static string Device(string name) => Path.Combine(AppContext.BaseDirectory, "device", name + ".dll");

        public static TheoryData<string> DeviceAssemblies => new() { "CanIds.Core", "CanIds.Firmware", "NFUnitTest", "CanIds.Firmware.Bench", "NFBench" };

        [Theory]
        [MemberData(nameof(DeviceAssemblies))]
        public void HasNoGenericsNoInstantiationsAndNoPointers(string assembly)
        {
            var violations = DeviceAssemblyChecker.Check(Device(assembly));
            Assert.True(violations.Count == 0, $"{assembly} cannot run on nanoFramework 1.x:\n  " + string.Join("\n  ", violations));
        }

        [Theory]
        [InlineData("CanIds.Core", "mscorlib")]
        [InlineData("CanIds.Firmware", "mscorlib,CanIds.Core,nanoFramework.Device.Can,System.Device.Spi,System.Device.Gpio,System.IO.Ports,System.IO.FileSystem")]
        [InlineData("NFUnitTest", "mscorlib,CanIds.Core,CanIds.Firmware,CanIds.Firmware.Bench,nanoFramework.TestFramework")]
        [InlineData("CanIds.Firmware.Bench", "mscorlib,CanIds.Core,CanIds.Firmware")]
        [InlineData("NFBench", "mscorlib,CanIds.Core,CanIds.Firmware,CanIds.Firmware.Bench")]
        public void ReferencesOnlyTheDeviceLibraries(string assembly, string allowed)
        {
            var references = DeviceAssemblyChecker.References(Device(assembly));
            var names = references.Select(r => r.Split(' ')[0]).ToList();
            Assert.All(names, n => Assert.Contains(n, allowed.Split(',')));
            Assert.Contains("mscorlib 1.17.11.0", references);
        }
    }
}
