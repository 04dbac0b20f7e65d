using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace NanoTestBridge
{
    /// <summary>
    /// The launcher's class lifetime: one instance per [TestClass], its [Setup] methods once before the first test,
    /// its [Cleanup] methods once after the last (driven by <see cref="NanoTestClassRunner"/>).
    /// </summary>
    internal sealed class TestClassLifetime
    {
        private static readonly ConcurrentDictionary<Type, Lazy<TestClassLifetime>> Classes = new();

        private TestClassLifetime(Type type)
        {
            try
            {
                Instance = type.IsAbstract && type.IsSealed ? null : Activator.CreateInstance(type);
                foreach (var setup in Methods<SetupAttribute>(type))
                {
                    Invoke(setup, Instance, null);
                }
            }
            catch (Exception e)
            {
                SetupFailure = e;
            }
        }

        /// <summary>The shared instance; null for a static class.</summary>
        public object Instance { get; }

        /// <summary>What [Setup] threw (a <see cref="SkipTestException"/> skips the class), or null.</summary>
        public Exception SetupFailure { get; }

        /// <summary>The lifetime of <paramref name="type"/>, set up on first use.</summary>
        public static TestClassLifetime For(Type type) => Classes.GetOrAdd(type, t => new Lazy<TestClassLifetime>(() => new TestClassLifetime(t))).Value;

        /// <summary>Runs [Cleanup] of <paramref name="type"/> if its class was set up; returns what it threw, or null.</summary>
        public static Exception Finish(Type type)
        {
            if (!Classes.TryRemove(type, out var lazy) || !lazy.IsValueCreated || lazy.Value.SetupFailure != null)
            {
                return null;
            }

            try
            {
                foreach (var cleanup in Methods<CleanupAttribute>(type))
                {
                    Invoke(cleanup, lazy.Value.Instance, null);
                }

                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        /// <summary>Invokes <paramref name="method"/>, unwrapping the reflection wrapper of what it throws.</summary>
        public static void Invoke(MethodInfo method, object instance, object[] arguments)
        {
            try
            {
                method.Invoke(method.IsStatic ? null : instance, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }

        private static MethodInfo[] Methods<TAttribute>(Type type) where TAttribute : Attribute =>
            type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.GetCustomAttribute<TAttribute>() != null)
                .OrderBy(m => m.MetadataToken)
                .ToArray();
    }
}
