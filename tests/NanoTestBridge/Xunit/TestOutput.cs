using System;
using System.Text;
using System.Threading;

namespace NanoTestBridge
{
    /// <summary>Collects what <c>OutputHelper.WriteLine</c> writes while one test runs on this async flow.</summary>
    internal sealed class TestOutput : IDisposable
    {
        private static readonly AsyncLocal<TestOutput> Current = new();
        private readonly StringBuilder _text = new();

        public string Text => _text.ToString();

        public static TestOutput Capture() => Current.Value = new TestOutput();

        public static void WriteLine(string message)
        {
            if (Current.Value is { } output)
            {
                output._text.AppendLine(message);
            }
            else
            {
                Console.WriteLine(message);
            }
        }

        public void Dispose() => Current.Value = null;
    }
}

namespace nanoFramework.TestFramework
{
    public static partial class OutputHelper
    {
        static partial void Write(string message) => NanoTestBridge.TestOutput.WriteLine(message);
    }
}
