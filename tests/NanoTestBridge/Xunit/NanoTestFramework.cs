using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NanoTestBridge
{
    /// <summary>
    /// xunit's own framework with one addition: when a test class finishes, its [Cleanup] methods run, and a failing
    /// [Cleanup] fails the run (as xunit's class-cleanup failure). Test projects select it with
    /// <c>[assembly: Xunit.TestFramework("NanoTestBridge.NanoTestFramework", "NanoTestBridge")]</c> (NanoTestBridge.props adds it).
    /// </summary>
    public sealed class NanoTestFramework : XunitTestFramework
    {
        /// <summary>Created by xunit.</summary>
        public NanoTestFramework(IMessageSink messageSink) : base(messageSink)
        {
        }

        /// <inheritdoc />
        protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
            new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

        private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
            : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
        {
            protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
            {
                using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
                await runner.RunAsync();
            }
        }

        private sealed class AssemblyRunner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
            : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
        {
            protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
                new CollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
        }

        private sealed class CollectionRunner(ITestCollection collection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus bus, ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
            : XunitTestCollectionRunner(collection, testCases, diagnostics, bus, orderer, aggregator, cancellation)
        {
            protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
                new NanoTestClassRunner(testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings).RunAsync();
        }
    }

    /// <summary>Runs a class's tests as xunit does, then the class's [Cleanup].</summary>
    internal sealed class NanoTestClassRunner(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus bus, ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cancellation, IDictionary<Type, object> collectionFixtures)
        : XunitTestClassRunner(testClass, @class, testCases, diagnostics, bus, orderer, aggregator, cancellation, collectionFixtures)
    {
        protected override async Task BeforeTestClassFinishedAsync()
        {
            var failure = TestClassLifetime.Finish(Class.Type);
            if (failure != null)
            {
                Aggregator.Add(new InvalidOperationException($"[Cleanup] of {Class.Type.Name} failed: {failure.Message}", failure));
            }

            await base.BeforeTestClassFinishedAsync();
        }
    }
}
