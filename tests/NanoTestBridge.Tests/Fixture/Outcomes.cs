using System;
using nanoFramework.TestFramework;

namespace NanoTestBridge.Fixture
{
    /// <summary>What the lifecycle methods saw, in order.</summary>
    public static class Journal
    {
        public static string Text = "";
    }

    [TestClass]
    public class Lifecycle
    {
        private static int _setups;

        [Setup]
        public void Before() { _setups++; Journal.Text += "setup;"; }

        [TestMethod]
        public void SeesSetupOnce() { Journal.Text += "test;"; Assert.AreEqual(1, _setups); }

        [TestMethod]
        [DataRow(1, "a")]
        [DataRow(2, "b")]
        [DataRow(3, "c")]
        public void RunsPerRow(int n, string s) { Journal.Text += "row" + n + s + ";"; }

        [Cleanup]
        public void After() { Journal.Text += "cleanup;"; }
    }

    [TestClass]
    public class Verdicts
    {
        [TestMethod] public void Passes() { Assert.IsTrue(true); }
        [TestMethod] public void FailsAreEqual() { Assert.AreEqual(1, 2); }
        [TestMethod] public void FailsCollection() { CollectionAssert.AreEqual(new byte[] { 1, 2 }, new byte[] { 1, 3 }); }
        [TestMethod] public void FailsOnException() { throw new InvalidOperationException("thrown"); }
        [TestMethod] public void FailsWhenNothingIsThrown() { Assert.ThrowsException(typeof(ArgumentException), () => { }); }
        [TestMethod] public void Skips() { Assert.SkipTest("not on this runtime"); }
        [TestMethod] [DataRow(4)] [DataRow(5)] public void FailsOneRow(int n) { Assert.AreNotEqual(5, n); }
    }

    [TestClass]
    public class BrokenSetup
    {
        [Setup] public void Before() { throw new InvalidOperationException("setup broke"); }
        [TestMethod] public void NeverRuns() { }
    }

    [TestClass]
    public class SkippedSetup
    {
        [Setup] public void Before() { Assert.SkipTest("no board"); }
        [TestMethod] public void IsSkipped() { }
    }

    [TestClass]
    public class BrokenCleanup
    {
        [TestMethod] public void Passes() { }
        [Cleanup] public void After() { throw new InvalidOperationException("cleanup broke"); }
    }

    [TestClass]
    public class InstanceState
    {
        private int _count;

        [TestMethod] public void CountsOnAnInstance() { _count++; }
    }

    public class NotATestClass
    {
        [TestMethod] public void Orphan() { }
    }
}
