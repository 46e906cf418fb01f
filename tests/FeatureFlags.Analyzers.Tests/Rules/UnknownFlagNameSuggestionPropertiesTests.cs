using System.Collections.Immutable;
using FeatureFlags.Analyzers.Rules;
using FeatureFlags.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>The suggestions FF0005 carries in its properties for the code fix (FeatureFlags.CodeFixes).</summary>
public sealed class UnknownFlagNameSuggestionPropertiesTests
{
    private const string Source = """
        using FeatureFlags;

        namespace Shop;

        [FlagCatalog]
        public sealed class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string Beta2 = "Beta2";

            [Flag(FlagKind.Ops)]
            public const string Beta1 = "Beta1";

            [Flag(FlagKind.Ops)]
            public const string Search = "Search";
        }

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled("Beta") || s.IsEnabled("Zebra");
        }
        """;

    [Fact]
    public async Task Typo_Properties_NearestNamesAndTheirConstantsClosestFirst()
    {
        var diagnostics = await AnalyzeAsync();

        var properties = diagnostics.Single(d => d.GetMessage().Contains("'Beta'", StringComparison.Ordinal)).Properties;
        properties[UnknownFlagNameAnalyzer.SuggestedNameKey + "0"].ShouldBe("Beta1");
        properties[UnknownFlagNameAnalyzer.SuggestedFieldKey + "0"].ShouldBe("F:Shop.Flags.Beta1");
        properties[UnknownFlagNameAnalyzer.SuggestedNameKey + "1"].ShouldBe("Beta2");
        properties[UnknownFlagNameAnalyzer.SuggestedFieldKey + "1"].ShouldBe("F:Shop.Flags.Beta2");
        properties.ContainsKey(UnknownFlagNameAnalyzer.SuggestedNameKey + "2").ShouldBeFalse();
    }

    [Fact]
    public async Task NothingClose_Properties_Empty()
    {
        var diagnostics = await AnalyzeAsync();

        diagnostics.Single(d => d.GetMessage().Contains("'Zebra'", StringComparison.Ordinal)).Properties.ShouldBeEmpty();
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
    {
        var compilation = CSharpCompilation.Create(
            "Test",
            [CSharpSyntaxTree.ParseText(Source)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation
            .WithAnalyzers([new UnknownFlagNameAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        diagnostics.Length.ShouldBe(2);
        return diagnostics;
    }
}
