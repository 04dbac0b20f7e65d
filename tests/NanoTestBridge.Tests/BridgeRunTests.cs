using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NanoTestBridge.Fixture;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NanoTestBridge.Tests
{
    /// <summary>Runs the fixture's nanoFramework-style tests through the bridge in-process and checks every outcome.</summary>
    public class BridgeRunTests
    {
        private static readonly Lazy<Outcomes> Run = new(Outcomes.Collect);

        [Fact]
        public void PassingTestsPass()
        {
            Assert.Contains("Verdicts.Passes", Run.Value.Passed);
            Assert.Contains("Lifecycle.SeesSetupOnce", Run.Value.Passed);
        }

        [Theory]
        [InlineData("Verdicts.FailsAreEqual", "Assert.AreEqual failed")]
        [InlineData("Verdicts.FailsCollection", "first difference at index 1")]
        [InlineData("Verdicts.FailsOnException", "thrown")]
        [InlineData("Verdicts.FailsWhenNothingIsThrown", "no exception")]
        [InlineData("BrokenSetup.NeverRuns", "setup broke")]
        public void FailingTestsFailWithTheirReason(string test, string reason)
        {
            Assert.True(Run.Value.Failed.TryGetValue(test, out var message), test + " did not fail");
            Assert.Contains(reason, message);
        }

        [Fact]
        public void EachDataRowIsItsOwnTestCase()
        {
            Assert.Equal(3, Run.Value.Passed.Count(t => t.StartsWith("Lifecycle.RunsPerRow")));
            Assert.Equal(1, Run.Value.Passed.Count(t => t.StartsWith("Verdicts.FailsOneRow")));
            Assert.Equal(1, Run.Value.Failed.Keys.Count(t => t.StartsWith("Verdicts.FailsOneRow")));
        }

        [Fact]
        public void SkipsAreSkips()
        {
            Assert.Contains("Verdicts.Skips", Run.Value.Skipped);
            Assert.Contains("SkippedSetup.IsSkipped", Run.Value.Skipped);
        }

        [Fact]
        public void SetupRunsOnceBeforeAndCleanupOnceAfter()
        {
            var journal = Journal.Text.Split(';', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("setup", journal.First());
            Assert.Equal("cleanup", journal.Last());
            Assert.Equal(1, journal.Count(e => e == "setup"));
            Assert.Equal(4, journal.Count(e => e == "test" || e.StartsWith("row")));
        }

        [Fact]
        public void FailingCleanupIsReportedAsAClassCleanupFailure()
        {
            Assert.Contains(Run.Value.CleanupFailures, m => m.Contains("cleanup broke"));
        }

        [Fact]
        public void ATestClassWithInstanceStateIsRefusedAsTheDevicesLauncherWouldFailIt()
        {
            Assert.True(Run.Value.Failed.TryGetValue("InstanceState.CountsOnAnInstance", out var message), "a test class with an instance field ran");
            Assert.Contains("instance field _count", message);
        }

        [Fact]
        public void TestMethodOutsideATestClassIsAnError()
        {
            Assert.Contains(Run.Value.Failed, kv => kv.Value.Contains("outside a [TestClass]"));
        }

        private sealed class Outcomes : LongLivedMarshalByRefObject, IMessageSink
        {
            private readonly ManualResetEventSlim _done = new();
            private readonly ConcurrentBag<ITestCase> _cases = new();

            public List<string> Passed { get; } = new();
            public Dictionary<string, string> Failed { get; } = new();
            public List<string> Skipped { get; } = new();
            public List<string> CleanupFailures { get; } = new();

            public static Outcomes Collect()
            {
                var outcomes = new Outcomes();
                var assembly = typeof(Journal).Assembly;
                using var framework = new NanoTestFramework(outcomes);
                using (var discoverer = framework.GetDiscoverer(Reflector.Wrap(assembly)))
                {
                    discoverer.Find(false, outcomes, new Options());
                    outcomes.Wait();
                }

                using var executor = framework.GetExecutor(assembly.GetName());
                executor.RunTests(outcomes._cases.ToList(), outcomes, new Options());
                outcomes.Wait();
                return outcomes;
            }

            public bool OnMessage(IMessageSinkMessage message)
            {
                lock (this)
                {
                    switch (message)
                    {
                        case ITestCaseDiscoveryMessage found: _cases.Add(found.TestCase); break;
                        case ITestPassed passed: Passed.Add(Name(passed.Test)); break;
                        case ITestFailed failed: Failed[Name(failed.Test)] = string.Join(" | ", failed.Messages); break;
                        case ITestSkipped skipped: Skipped.Add(Name(skipped.Test)); break;
                        case ITestClassCleanupFailure cleanup: CleanupFailures.Add(string.Join(" | ", cleanup.Messages)); break;
                        case IDiscoveryCompleteMessage or ITestAssemblyFinished: _done.Set(); break;
                    }
                }

                return true;
            }

            private void Wait()
            {
                Assert.True(_done.Wait(TimeSpan.FromSeconds(60)), "the bridge did not finish");
                _done.Reset();
            }

            private static string Name(ITest test) =>
                test.TestCase.TestMethod.TestClass.Class.Name.Split('.').Last() + "." + test.TestCase.TestMethod.Method.Name + test.DisplayName[(test.DisplayName.IndexOf('(') is var i && i >= 0 ? i : test.DisplayName.Length)..];
        }

        private sealed class Options : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
        {
            private readonly Dictionary<string, object> _values = new() { ["xunit.execution.DisableParallelization"] = true };

            public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var v) ? (TValue)v : default;

            public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
        }
    }
}
