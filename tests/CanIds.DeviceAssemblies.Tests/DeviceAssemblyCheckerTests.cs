using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CanIds.DeviceAssemblies.Tests
{
    /// <summary>The checker itself: it reports each kind of violation in a fixture built like device code.</summary>
    public class DeviceAssemblyCheckerTests
    {
        private static readonly Lazy<string[]> Found = new(() =>
            DeviceAssemblyChecker.Check(Path.Combine(AppContext.BaseDirectory, "violations", "Violations.dll")).ToArray());

        [Theory]
        [InlineData("generic type definition Violations.Box`1")]
        [InlineData("generic method definition method Violations.Uses.Identity")]
        [InlineData("generic method instantiation Identity<Int32>")]
        [InlineData("generic instantiation Action`1<Int32>")]
        [InlineData("pointer type Int32*")]
        public void ReportsEachKindOfViolation(string expected)
        {
            Assert.Contains(Found.Value, v => v.StartsWith(expected, StringComparison.Ordinal));
        }

        [Fact]
        public void DoesNotReportJaggedArrays()
        {
            Assert.DoesNotContain(Found.Value, v => v.Contains("Jagged") || v.Contains("[]"));
        }
    }
}
