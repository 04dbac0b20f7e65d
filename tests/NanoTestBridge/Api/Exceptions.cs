using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by a failing assertion.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>An assertion failed with <paramref name="message"/>.</summary>
        public AssertFailedException(string message) : base(message)
        {
        }
    }

    /// <summary>Thrown by <see cref="Assert.SkipTest"/>: the test is reported skipped, not failed.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>The test is skipped because of <paramref name="message"/>.</summary>
        public SkipTestException(string message) : base(message)
        {
        }
    }
}
