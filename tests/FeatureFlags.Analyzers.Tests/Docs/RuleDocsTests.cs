using FeatureFlags.Tests.Docs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Tests.Docs;

public sealed class RuleDocsTests
{
    public static TheoryData<string> Ids() => new(Descriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLinkUri_EveryRule_PointsAtItsPageInThisRepository(string id) =>
        RuleDocs.ShouldLinkToItsPage(Descriptors().Single(d => d.Id == id));

    [Fact]
    public void RulesReadme_AnalyzersSection_IsTheTableTheDescriptorsWrite() => RuleDocs.TableSectionShouldMatch("analyzers", Descriptors());

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id);
}
