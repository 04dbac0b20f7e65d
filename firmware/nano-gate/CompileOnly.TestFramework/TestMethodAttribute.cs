// COMPILE-ONLY: nanoFramework.TestFramework's TestMethodAttribute as the device sees it (a plain attribute).
// On .NET the bridge's own TestMethodAttribute is an xunit fact; the rest of the API is the bridge's Api/ folder.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }
}
