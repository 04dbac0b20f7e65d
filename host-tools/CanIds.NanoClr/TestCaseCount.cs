using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CanIds.NanoClr
{
    /// <summary>
    /// How many test cases the launcher must report for a test assembly: one per [TestMethod] of a [TestClass], one per
    /// [DataRow] where it has them. nanoCLR prints "Done." whenever the runtime stops, so a launcher that crashed half
    /// way is only told apart by the cases it never reported.
    /// </summary>
    public static class TestCaseCount
    {
        /// <summary>The cases in the assembly at <paramref name="path"/>.</summary>
        public static int Of(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            int cases = 0;
            foreach (var typeHandle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(typeHandle);
                if (!type.GetCustomAttributes().Any(a => AttributeName(md, a) == "TestClassAttribute")) continue;
                foreach (var methodHandle in type.GetMethods())
                {
                    var attributes = md.GetMethodDefinition(methodHandle).GetCustomAttributes().Select(a => AttributeName(md, a)).ToList();
                    if (!attributes.Contains("TestMethodAttribute")) continue;
                    cases += Math.Max(1, attributes.Count(n => n == "DataRowAttribute"));
                }
            }

            return cases;
        }

        private static string AttributeName(MetadataReader md, CustomAttributeHandle handle)
        {
            var ctor = md.GetCustomAttribute(handle).Constructor;
            EntityHandle parent = ctor.Kind switch
            {
                HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)ctor).Parent,
                HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType(),
                _ => default,
            };
            return parent.Kind switch
            {
                HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name),
                HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)parent).Name),
                _ => "",
            };
        }
    }
}
