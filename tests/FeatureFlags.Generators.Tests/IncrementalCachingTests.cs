using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FeatureFlags.Generators.Tests;

public sealed class IncrementalCachingTests
{
    private const string Unrelated = "public static class Other { public static int Value => 1; }";

    [Fact]
    public void RunGenerators_UnrelatedEdit_ModelUnchangedAndOutputCached()
    {
        var compilation = GeneratorHarness.Compilation(Sources.ShopCatalog, Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = ReplaceTree(compilation, 1, Unrelated.Replace("=> 1", "=> 2", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        result.TrackedSteps[FlagCatalogGenerator.ModelStep].SelectMany(step => step.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached || output.Reason == IncrementalStepRunReason.Unchanged);
        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void RunGenerators_FlagExpiryEdited_ModelModified()
    {
        var compilation = GeneratorHarness.Compilation(Sources.ShopCatalog, Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var edited = ReplaceTree(compilation, 0, Sources.ShopCatalog.Replace("2027-03-31", "2027-04-30", StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        result.TrackedSteps[FlagCatalogGenerator.ModelStep].SelectMany(step => step.Outputs)
            .ShouldContain(output => output.Reason == IncrementalStepRunReason.Modified);
        result.GeneratedSources.ShouldHaveSingleItem().SourceText.ToString().ShouldContain("new global::System.DateOnly(2027, 4, 30)");
    }

    private static Compilation ReplaceTree(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, old.FilePath));
    }
}
