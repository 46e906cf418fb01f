using System.Reflection;
using FeatureFlags.Tests.Docs;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators.Tests.Docs;

public sealed class RuleDocsTests
{
    public static TheoryData<string> Ids() => new(Descriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLinkUri_EveryDiagnostic_PointsAtItsPageInThisRepository(string id) =>
        RuleDocs.ShouldLinkToItsPage(Descriptors().Single(d => d.Id == id));

    [Fact]
    public void RulesReadme_GeneratorSection_IsTheTableTheDescriptorsWrite() => RuleDocs.TableSectionShouldMatch("generator", Descriptors());

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(GeneratorDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
