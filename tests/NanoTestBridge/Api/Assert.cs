using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// nanoFramework.TestFramework's assertions, with its overload set (typed overloads, no generics), so that test
    /// sources compile unchanged for the device and for .NET. Every failure throws <see cref="AssertFailedException"/>.
    /// </summary>
    public static class Assert
    {
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(char expected, char actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(double expected, double actual, string message = "") { if (!expected.Equals(actual)) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(float expected, float actual, string message = "") { if (!expected.Equals(actual)) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(short expected, short actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(string expected, string actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", Show(expected), Show(actual), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(ulong expected, ulong actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless equal.</summary>
        public static void AreEqual(ushort expected, ushort actual, string message = "") { if (expected != actual) Fail("Assert.AreEqual", expected.ToString(), actual.ToString(), message); }
        /// <summary>Fails unless <see cref="object.Equals(object, object)"/>.</summary>
        public static void AreEqual(object expected, object actual, string message = "") { if (!Equals(expected, actual)) Fail("Assert.AreEqual", Show(expected), Show(actual), message); }

        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(char notExpected, char actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(double notExpected, double actual, string message = "") { if (notExpected.Equals(actual)) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(float notExpected, float actual, string message = "") { if (notExpected.Equals(actual)) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(int notExpected, int actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(long notExpected, long actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(short notExpected, short actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(string notExpected, string actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + Show(notExpected), Show(actual), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if equal.</summary>
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { if (notExpected == actual) Fail("Assert.AreNotEqual", "not " + notExpected, actual.ToString(), message); }
        /// <summary>Fails if <see cref="object.Equals(object, object)"/>.</summary>
        public static void AreNotEqual(object notExpected, object actual, string message = "") { if (Equals(notExpected, actual)) Fail("Assert.AreNotEqual", "not " + Show(notExpected), Show(actual), message); }

        /// <summary>Fails unless true.</summary>
        public static void IsTrue(bool condition, string message = "") { if (!condition) Fail("Assert.IsTrue", "true", "false", message); }
        /// <summary>Fails unless false.</summary>
        public static void IsFalse(bool condition, string message = "") { if (condition) Fail("Assert.IsFalse", "false", "true", message); }
        /// <summary>Fails unless null.</summary>
        public static void IsNull(object value, string message = "") { if (value != null) Fail("Assert.IsNull", "null", Show(value), message); }
        /// <summary>Fails if null.</summary>
        public static void IsNotNull(object value, string message = "") { if (value == null) Fail("Assert.IsNotNull", "not null", "null", message); }
        /// <summary>Fails unless both are the same object.</summary>
        public static void AreSame(object expected, object actual, string message = "") { if (!ReferenceEquals(expected, actual)) Fail("Assert.AreSame", Show(expected), Show(actual), message); }
        /// <summary>Fails if both are the same object.</summary>
        public static void AreNotSame(object notExpected, object actual, string message = "") { if (ReferenceEquals(notExpected, actual)) Fail("Assert.AreNotSame", "another object", Show(actual), message); }

        /// <summary>Fails unless <paramref name="value"/> is an instance of <paramref name="expectedType"/>.</summary>
        public static void IsInstanceOfType(object value, Type expectedType, string message = "")
        {
            if (value == null || !expectedType.IsInstanceOfType(value)) Fail("Assert.IsInstanceOfType", expectedType.FullName, value == null ? "null" : value.GetType().FullName, message);
        }

        /// <summary>Fails unless <paramref name="actual"/> contains <paramref name="expected"/>.</summary>
        public static void Contains(string expected, string actual, string message = "") { if (actual == null || actual.IndexOf(expected) < 0) Fail("Assert.Contains", Show(expected), Show(actual), message); }
        /// <summary>Fails unless <paramref name="actual"/> starts with <paramref name="expected"/>.</summary>
        public static void StartsWith(string expected, string actual, string message = "") { if (actual == null || !actual.StartsWith(expected)) Fail("Assert.StartsWith", Show(expected), Show(actual), message); }
        /// <summary>Fails unless <paramref name="actual"/> ends with <paramref name="expected"/>.</summary>
        public static void EndsWith(string expected, string actual, string message = "") { if (actual == null || !actual.EndsWith(expected)) Fail("Assert.EndsWith", Show(expected), Show(actual), message); }

        /// <summary>Fails unless <paramref name="action"/> throws exactly <paramref name="exceptionType"/>.</summary>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != exceptionType)
                {
                    Fail("Assert.ThrowsException", exceptionType.FullName, e.GetType().FullName + ": " + e.Message, message);
                }

                return;
            }

            Fail("Assert.ThrowsException", exceptionType.FullName, "no exception", message);
        }

        /// <summary>Ends the test as skipped.</summary>
        public static void SkipTest(string message = "") { throw new SkipTestException(message); }

        internal static void Fail(string assertion, string expected, string actual, string message)
        {
            throw new AssertFailedException(assertion + " failed. Expected: <" + expected + ">. Actual: <" + actual + ">. " + message);
        }

        private static string Show(object value)
        {
            return value == null ? "null" : value.ToString();
        }
    }
}
