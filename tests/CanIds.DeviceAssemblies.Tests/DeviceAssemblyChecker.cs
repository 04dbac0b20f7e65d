using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CanIds.DeviceAssemblies.Tests
{
    /// <summary>
    /// Finds what compiles against nanoFramework's mscorlib but cannot run on the nanoFramework 1.x interpreter:
    /// generic type and method definitions, generic instantiations (Action&lt;int&gt; included), references to
    /// generic types, and pointer or function-pointer types in any signature. Reads metadata only; loads nothing.
    /// </summary>
    public static class DeviceAssemblyChecker
    {
        /// <summary>Every violation in the assembly at <paramref name="path"/>, one readable line each.</summary>
        public static IReadOnlyList<string> Check(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var found = new List<string>();
            var provider = new SignatureScanner(md);

            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                var name = TypeName(md, type);
                if (type.GetGenericParameters().Count > 0) found.Add($"generic type definition {name}");
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = md.GetFieldDefinition(fieldHandle);
                    Scan(provider, found, $"field {name}.{md.GetString(field.Name)}", () => field.DecodeSignature(provider, null));
                }

                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    var where = $"method {name}.{md.GetString(method.Name)}";
                    if (method.GetGenericParameters().Count > 0) found.Add($"generic method definition {where}");
                    Scan(provider, found, where, () => method.DecodeSignature(provider, null));
                    if (method.RelativeVirtualAddress != 0)
                    {
                        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                        if (!body.LocalSignature.IsNil)
                        {
                            var locals = md.GetStandaloneSignature(body.LocalSignature);
                            Scan(provider, found, $"locals of {where}", () => locals.DecodeLocalSignature(provider, null));
                        }
                    }
                }
            }

            foreach (var handle in md.TypeReferences)
            {
                var reference = md.GetTypeReference(handle);
                var name = md.GetString(reference.Name);
                if (name.Contains('`')) found.Add($"reference to generic type {md.GetString(reference.Namespace)}.{name}");
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                var spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                Scan(provider, found, "type specification", () => spec.DecodeSignature(provider, null));
            }

            foreach (var handle in md.MemberReferences)
            {
                var member = md.GetMemberReference(handle);
                var where = $"member reference {md.GetString(member.Name)}";
                if (member.GetKind() == MemberReferenceKind.Method) Scan(provider, found, where, () => member.DecodeMethodSignature(provider, null));
                else Scan(provider, found, where, () => member.DecodeFieldSignature(provider, null));
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.MethodSpec); row++)
            {
                var spec = md.GetMethodSpecification(MetadataTokens.MethodSpecificationHandle(row));
                found.Add($"generic method instantiation {MemberName(md, spec.Method)}<{string.Join(", ", spec.DecodeSignature(provider, null))}>");
            }

            return found.Distinct().ToList();
        }

        /// <summary>Names of the assemblies that <paramref name="path"/> references, with versions.</summary>
        public static IReadOnlyList<string> References(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            return md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).Select(r => $"{md.GetString(r.Name)} {r.Version}").ToList();
        }

        private static void Scan(SignatureScanner provider, List<string> found, string where, System.Action decode)
        {
            provider.Problems.Clear();
            decode();
            found.AddRange(provider.Problems.Select(p => $"{p} in {where}"));
        }

        private static string TypeName(MetadataReader md, TypeDefinition type) =>
            (type.Namespace.IsNil ? "" : md.GetString(type.Namespace) + ".") + md.GetString(type.Name);

        private static string MemberName(MetadataReader md, EntityHandle method) => method.Kind switch
        {
            HandleKind.MethodDefinition => md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)method).Name),
            HandleKind.MemberReference => md.GetString(md.GetMemberReference((MemberReferenceHandle)method).Name),
            _ => method.Kind.ToString(),
        };

        /// <summary>Decodes signatures to readable names and records every construct the device cannot run.</summary>
        private sealed class SignatureScanner(MetadataReader md) : ISignatureTypeProvider<string, object>
        {
            public List<string> Problems { get; } = new();

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeDefinition(handle).Name);
            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => md.GetString(md.GetTypeReference(handle).Name);
            public string GetTypeFromSpecification(MetadataReader reader, object context, TypeSpecificationHandle handle, byte rawTypeKind) => md.GetTypeSpecification(handle).DecodeSignature(this, context);
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
            public string GetByReferenceType(string elementType) => "ref " + elementType;
            public string GetPinnedType(string elementType) => "pinned " + elementType;
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
                Problem($"generic instantiation {genericType}<{string.Join(", ", typeArguments)}>");

            public string GetGenericMethodParameter(object context, int index) => Problem($"generic method parameter !!{index}");
            public string GetGenericTypeParameter(object context, int index) => Problem($"generic type parameter !{index}");
            public string GetPointerType(string elementType) => Problem($"pointer type {elementType}*");
            public string GetFunctionPointerType(MethodSignature<string> signature) => Problem("function pointer type");

            private string Problem(string what)
            {
                Problems.Add(what);
                return what;
            }
        }
    }
}
