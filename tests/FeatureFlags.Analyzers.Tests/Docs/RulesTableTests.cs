using FeatureFlags.Analyzers;
using FeatureFlags.Tests.Docs;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Tests.Docs;

public sealed class RulesTableTests
{
    [Fact]
    public void RulesReadme_AnalyzersSection_IsTheTableTheDescriptorsWrite()
    {
        var descriptors = typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
        var expected = RulesTable.Write(descriptors);

        RulesTable.Section("analyzers", expected).ShouldBe(expected, "run the tests with FEATUREFLAGS_UPDATE_DOCS=1 to rewrite docs/rules/README.md");
    }
}
