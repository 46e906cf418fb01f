using System.Collections.Immutable;
using FeatureFlags.Analyzers.Tests.Infrastructure;
using FeatureFlags.CodeFixes.Removal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.CodeFixes.Tests.Rules;

/// <summary>The removal offered on a flag's declaration that no rule reports: a flag whose job is done, before its expiry.</summary>
public sealed class RemoveFlagRefactoringTests
{
    private const string Catalog = """
        using FeatureFlags;

        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2099-01-14")]
            public const string Done = "Done";

            [Flag(FlagKind.Ops)]
            public const string Other = "Other";
        }
        """;

    private const string Code = """
        using FeatureFlags;

        public class Checkout
        {
            public string Run(IFlagSnapshot flags) => flags.IsEnabled(Flags.Done) ? "new" : "old";
        }
        """;

    [Theory]
    [InlineData(0, "\"new\"")]
    [InlineData(1, "\"old\"")]
    public async Task Declaration_HealthyFlag_OfferedAndRewritesTheSolution(int action, string kept)
    {
        var (solution, catalogId, codeId) = Project();
        var actions = await Refactorings(solution, catalogId, Catalog.IndexOf("Done =", StringComparison.Ordinal));

        actions.Select(a => a.Title).ShouldBe(["Remove flag 'Done', keeping it on", "Remove flag 'Done', keeping it off"]);
        var operations = await actions[action].GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var catalog = (await changed.GetDocument(catalogId)!.GetTextAsync()).ToString();
        var checkout = (await changed.GetDocument(codeId)!.GetTextAsync()).ToString();

        catalog.ShouldNotContain("Done");
        catalog.ShouldContain("public const string Other = \"Other\";");
        checkout.ShouldContain("public string Run(IFlagSnapshot flags) => " + kept + ";");
    }

    [Fact]
    public async Task OtherCode_NotAFlag_NothingOffered()
    {
        var (solution, _, codeId) = Project();

        (await Refactorings(solution, codeId, Code.IndexOf("Run", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    private static (Solution Solution, DocumentId Catalog, DocumentId Code) Project()
    {
        var project = new AdhocWorkspace().CurrentSolution
            .AddProject("Shop", "Shop", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(TestReferences.All);
        var catalog = project.AddDocument("Flags.cs", SourceText.From(Catalog));
        var code = catalog.Project.AddDocument("Checkout.cs", SourceText.From(Code));
        return (code.Project.Solution, catalog.Id, code.Id);
    }

    private static async Task<ImmutableArray<CodeAction>> Refactorings(Solution solution, DocumentId id, int position)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeRefactoringContext(solution.GetDocument(id)!, new TextSpan(position, 0), actions.Add, CancellationToken.None);
        await new RemoveFlagRefactoring().ComputeRefactoringsAsync(context);
        return actions.ToImmutable();
    }
}
