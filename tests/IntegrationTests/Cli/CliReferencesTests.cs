using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Clinical.Cli;

namespace Clinical.IntegrationTests.Cli;

/// <summary>
/// The CLI parses, sends and renders: it reaches the database only through Application requests. Checked on the compiled
/// assembly's metadata, which lists every assembly and type the CLI's code refers to.
/// </summary>
public sealed class CliReferencesTests
{
    [Fact]
    public void CliAssembly_AssemblyReferences_DoNotIncludeNpgsql()
    {
        var references = AssemblyReferences(typeof(CliApp).Assembly);

        references.ShouldNotContain(name => name.StartsWith("Npgsql", StringComparison.Ordinal));
        references.ShouldContain("Clinical.Application");
    }

    [Fact]
    public void CliAssembly_TypeReferences_IncludeNoNpgsqlAndNoPersistenceType()
    {
        var forbidden = ForbiddenTypeReferences(typeof(CliApp).Assembly);

        forbidden.ShouldBeEmpty();
    }

    [Fact]
    public void ForbiddenTypeReferences_AnAssemblyThatUsesBoth_FindsBoth()
    {
        // The test assembly itself uses Npgsql and the persistence types: the scan must see them there.
        var forbidden = ForbiddenTypeReferences(typeof(CliReferencesTests).Assembly);

        forbidden.ShouldContain(name => name.StartsWith("Npgsql.", StringComparison.Ordinal));
        forbidden.ShouldContain(name => name.StartsWith("Clinical.Infrastructure.Persistence.", StringComparison.Ordinal));
    }

    private static List<string> AssemblyReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))];
    }

    private static List<string> ForbiddenTypeReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.TypeReferences
            .Select(h => FullName(metadata, metadata.GetTypeReference(h)))
            .Where(name => name.StartsWith("Npgsql", StringComparison.Ordinal) || name.StartsWith("Clinical.Infrastructure.Persistence", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    // A nested type's reference has no namespace of its own: it is scoped by its declaring type's reference.
    private static string FullName(MetadataReader metadata, TypeReference type) =>
        type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{FullName(metadata, metadata.GetTypeReference((TypeReferenceHandle)type.ResolutionScope))}+{metadata.GetString(type.Name)}"
            : $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";
}
