using System.Collections.Immutable;
using FeatureFlags.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeatureFlags.Docs.Tests;

/// <summary>
/// Every C# block of the README, <c>docs/</c> and the package READMEs compiles against the packages as they are,
/// with the source generator run as in an application build: a renamed or removed API fails here, not in a
/// reader's editor.
/// </summary>
public sealed class CodeBlockTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static TheoryData<string> Blocks() => new(CodeBlocks.All().Select(b => b.ToString()));

    [Fact]
    public void All_Docs_HaveCSharpBlocksToCheck()
    {
        // Guards the discovery itself: a change to how blocks are found must not make every check pass vacuously.
        CodeBlocks.All().Count().ShouldBeGreaterThan(15);
        CodeBlocks.All().ShouldContain(b => b.File == "README.md");
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Compile_DocsBlock_NoErrors(string name)
    {
        var block = CodeBlocks.All().Single(b => b.ToString() == name);
        var trees = SnippetContext.Sources(block)
            .Select((source, i) => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: i == 0 ? "context.cs" : block.File))
            .ToArray();
        var compilation = CSharpCompilation.Create(
            "DocsSnippet",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver.Create(new FlagCatalogGenerator())
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        // A rule's page shows the code its rule reports, and says so in a comment: that id is expected.
        var errors = generatorDiagnostics.Concat(generated.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error && !block.Code.Contains("// " + d.Id, StringComparison.Ordinal))
            .Select(d => d.ToString())
            .ToList();
        errors.ShouldBeEmpty($"{block} ({block.Context}) does not compile:\n{string.Join("\n", errors)}\n\n{trees[^1]}");
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The platform (with ASP.NET Core, which this project references) and every assembly beside the tests.
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(local)
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()))
            .ToImmutableArray();
    }
}
