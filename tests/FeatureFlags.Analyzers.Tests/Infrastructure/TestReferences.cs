using System.Collections.Immutable;
using FeatureFlags;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeatureFlags.Analyzers.Tests.Infrastructure;

/// <summary>
/// Metadata references for test compilations: the running framework (no reference-pack download, so
/// tests work offline) and the FeatureFlags runtime, so [Flag], [FlagCatalog] and IFlagSnapshot resolve.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Load);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>
    /// Compiles <paramref name="source"/> as another project ("flags used from another project") and
    /// returns it as a metadata reference, as a real build hands a referenced project to the compiler.
    /// </summary>
    public static MetadataReference CompileProject(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The referenced project does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = Directory.GetFiles(frameworkDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Where(path => !path.Contains("Native", StringComparison.Ordinal));
        return [.. framework.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(typeof(FlagAttribute).Assembly.Location)];
    }
}
