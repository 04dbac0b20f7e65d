using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using nanoFramework.TestFramework;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NanoTestBridge
{
    /// <summary>
    /// One run of a [TestMethod] (one [DataRow] of it) on its class's shared instance, reported to xunit:
    /// passed, failed (assertion or any exception, or a failed [Setup]) or skipped (Assert.SkipTest).
    /// </summary>
    public sealed class NanoTestCase : XunitTestCase
    {
        /// <summary>For xunit's deserialiser only.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public NanoTestCase()
        {
        }

        /// <summary>A test case of <paramref name="testMethod"/> with <paramref name="arguments"/> (null: none).</summary>
        public NanoTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, object[] arguments)
            : base(diagnostics, display, displayOptions, testMethod, arguments)
        {
        }

        /// <inheritdoc />
        public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        {
            var test = new XunitTest(this, DisplayName);
            messageBus.QueueMessage(new TestCaseStarting(this));
            messageBus.QueueMessage(new TestStarting(test));

            Exception failure = null;
            var clock = Stopwatch.StartNew();
            using (var output = TestOutput.Capture())
            {
                try
                {
                    var lifetime = TestClassLifetime.For(TestMethod.TestClass.Class.ToRuntimeType());
                    if (lifetime.SetupFailure is SkipTestException)
                    {
                        failure = lifetime.SetupFailure;
                    }
                    else if (lifetime.SetupFailure != null)
                    {
                        failure = new AssertFailedException("[Setup] of the class failed: " + lifetime.SetupFailure);
                    }
                    else
                    {
                        TestClassLifetime.Invoke(TestMethod.Method.ToRuntimeMethod(), lifetime.Instance, TestMethodArguments);
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }

                clock.Stop();
                var seconds = (decimal)clock.Elapsed.TotalSeconds;
                var summary = new RunSummary { Total = 1, Time = seconds };
                if (failure is SkipTestException skip)
                {
                    summary.Skipped = 1;
                    messageBus.QueueMessage(new TestSkipped(test, skip.Message));
                }
                else if (failure != null)
                {
                    summary.Failed = 1;
                    messageBus.QueueMessage(new TestFailed(test, seconds, output.Text, failure));
                }
                else
                {
                    messageBus.QueueMessage(new TestPassed(test, seconds, output.Text));
                }

                messageBus.QueueMessage(new TestFinished(test, seconds, output.Text));
                messageBus.QueueMessage(new TestCaseFinished(this, seconds, 1, summary.Failed, summary.Skipped));
                return Task.FromResult(summary);
            }
        }
    }
}
