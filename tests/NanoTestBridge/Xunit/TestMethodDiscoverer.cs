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

            var type = testMethod.TestClass.Class.ToRuntimeType();
            var field = InstanceFields(type).FirstOrDefault();
            if (field != null)
            {
                // The device's launcher invokes test, [Setup] and [Cleanup] methods with no instance (Invoke(null, ...)):
                // state kept in an instance field would work here and throw there.
                return [new ExecutionErrorTestCase(_diagnostics, display, displayOptions, testMethod,
                    $"{type.Name} keeps state in the instance field {field.Name}; the nanoFramework launcher calls test methods without an instance, so it would fail on the device: make the field static.")];
            }

            var rows = testMethod.Method.ToRuntimeMethod().GetCustomAttributes<DataRowAttribute>().ToList();
            if (rows.Count == 0)
            {
                return [new NanoTestCase(_diagnostics, display, displayOptions, testMethod, null)];
            }

            return rows.Select(row => (IXunitTestCase)new NanoTestCase(_diagnostics, display, displayOptions, testMethod, row.MethodParameters)).ToList();
        }

        // Instance fields of the class and its bases (auto-properties' backing fields included).
        private static IEnumerable<FieldInfo> InstanceFields(System.Type type)
        {
            for (var t = type; t != null && t != typeof(object); t = t.BaseType)
            {
                foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)) yield return f;
            }
        }
    }
}
