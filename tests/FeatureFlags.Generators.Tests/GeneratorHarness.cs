using System.Collections.Immutable;

using FeatureFlags.Generators;

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeatureFlags.Generators.Tests;

/// <summary>Compiles C# sources against the running framework and FeatureFlags, and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    // Everything the test host runs with: the framework and FeatureFlags.dll among them.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer" + Guid.NewGuid().ToString("N"),
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Default));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new FlagCatalogGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with the generated sources and the run's result.</summary>
    public static (Compilation Output, GeneratorRunResult Result) Run(params string[] sources)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out _);
        return (output, driver.GetRunResult().Results.Single());
    }

    /// <summary>The generated text for a single catalog.</summary>
    public static string GeneratedText(GeneratorRunResult result) =>
        result.GeneratedSources.ShouldHaveSingleItem().SourceText.ToString();

    /// <summary>Diagnostics of the compiler located in generated files: the generated code must have none, warnings included.</summary>
    public static IReadOnlyList<Diagnostic> GeneratedCodeDiagnostics(Compilation output, GeneratorRunResult result)
    {
        var generatedTrees = result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        return output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
    }

    /// <summary>Every warning and error of the whole compilation.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
