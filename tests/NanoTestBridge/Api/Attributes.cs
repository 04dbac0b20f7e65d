using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose test methods the launcher runs (one instance per class).</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>Marks a method run once per class before its tests; a failure fails them all, a skip skips them all.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Marks a method run once per class after its tests.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>One set of arguments for a [TestMethod]; the method runs once per row.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        /// <summary>The arguments of this row.</summary>
        public DataRowAttribute(params object[] methodParameters)
        {
            MethodParameters = methodParameters;
        }

        /// <summary>The arguments of this row, in parameter order.</summary>
        public object[] MethodParameters { get; set; }
    }
}
