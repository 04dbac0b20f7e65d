namespace nanoFramework.TestFramework
{
    /// <summary>Writes a line to the test's output (on .NET: the xunit test output of the running test).</summary>
    public static partial class OutputHelper
    {
        /// <summary>Writes <paramref name="message"/> as one line.</summary>
        public static void WriteLine(string message)
        {
            Write(message);
        }

        static partial void Write(string message);
    }
}
