// Deliberate violations: compiles against nanoFramework's mscorlib, cannot run on the device.
// DeviceAssemblyCheckerTests asserts that the checker reports every one of them.
using System;

namespace Violations
{
    public class Box<T>
    {
        public T Value;
    }

    public static class Uses
    {
        public static T Identity<T>(T value) { return value; }

        public static int CallsGenericMethod() { return Identity(3); }

        public static void KeepsAnActionOfInt() { Action<int> a = x => { }; a(1); }

        public static unsafe int ReadsThroughAPointer(int* p) { return *p; }

        // Jagged arrays need a type specification too; they are fine on the device and must not be reported.
        public static byte[][] Jagged() { return new byte[2][]; }
    }
}
