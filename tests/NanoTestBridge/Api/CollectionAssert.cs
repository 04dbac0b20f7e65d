using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>nanoFramework.TestFramework's collection assertions (element-wise, in order).</summary>
    public static class CollectionAssert
    {
        /// <summary>Fails unless both have the same elements in the same order.</summary>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            int at = FirstDifference(expected, actual);
            if (at >= 0)
            {
                Assert.Fail("CollectionAssert.AreEqual", "equal collections", "first difference at index " + at, message);
            }
        }

        /// <summary>Fails if both have the same elements in the same order.</summary>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (FirstDifference(notExpected, actual) < 0)
            {
                Assert.Fail("CollectionAssert.AreNotEqual", "different collections", "equal collections", message);
            }
        }

        /// <summary>Fails unless empty.</summary>
        public static void Empty(ICollection collection, string message = "")
        {
            if (collection.Count != 0) Assert.Fail("CollectionAssert.Empty", "0 elements", collection.Count + " elements", message);
        }

        /// <summary>Fails if empty.</summary>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection.Count == 0) Assert.Fail("CollectionAssert.NotEmpty", "elements", "0 elements", message);
        }

        // -1 when equal; otherwise the first index that differs (the shorter length when one is a prefix).
        private static int FirstDifference(ICollection a, ICollection b)
        {
            if (a == null || b == null)
            {
                return a == b ? -1 : 0;
            }

            IEnumerator ea = a.GetEnumerator();
            IEnumerator eb = b.GetEnumerator();
            int i = 0;
            while (true)
            {
                bool ha = ea.MoveNext();
                bool hb = eb.MoveNext();
                if (!ha && !hb) return -1;
                if (ha != hb || !Equals(ea.Current, eb.Current)) return i;
                i++;
            }
        }
    }
}
