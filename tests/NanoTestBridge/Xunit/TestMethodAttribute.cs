using System;
using Xunit;
using Xunit.Sdk;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a test method. On .NET it is an xunit fact whose discoverer (<see cref="NanoTestBridge.TestMethodDiscoverer"/>)
    /// gives one test case per [DataRow], run with the nanoFramework launcher's semantics.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    [XunitTestCaseDiscoverer("NanoTestBridge.TestMethodDiscoverer", "NanoTestBridge")]
    public sealed class TestMethodAttribute : FactAttribute
    {
    }
}
