using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NanoTestBridge
{
    /// <summary>Turns a [TestMethod] into one test case, or one per [DataRow].</summary>
    public sealed class TestMethodDiscoverer : IXunitTestCaseDiscoverer
    {
        private readonly IMessageSink _diagnostics;

        /// <summary>Created by xunit.</summary>
        public TestMethodDiscoverer(IMessageSink diagnosticMessageSink)
        {
            _diagnostics = diagnosticMessageSink;
        }

        /// <inheritdoc />
        public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
        {
            var display = discoveryOptions.MethodDisplayOrDefault();
            var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
            if (testMethod.TestClass.Class.ToRuntimeType().GetCustomAttribute<TestClassAttribute>() == null)
            {
                // The device's launcher only runs methods of [TestClass] types: a test outside one would pass here and never run there.
                return [new ExecutionErrorTestCase(_diagnostics, display, displayOptions, testMethod,
                    $"{testMethod.TestClass.Class.Name}.{testMethod.Method.Name} is a [TestMethod] outside a [TestClass]; the nanoFramework launcher would never run it.")];
            }

            var rows = testMethod.Method.ToRuntimeMethod().GetCustomAttributes<DataRowAttribute>().ToList();
            if (rows.Count == 0)
            {
                return [new NanoTestCase(_diagnostics, display, displayOptions, testMethod, null)];
            }

            return rows.Select(row => (IXunitTestCase)new NanoTestCase(_diagnostics, display, displayOptions, testMethod, row.MethodParameters)).ToList();
        }
    }
}
