using FeatureFlags.Tests.Docs;

namespace FeatureFlags.Analyzers.Tests.Docs;

public sealed class RulesTableTests
{
    [Fact]
    public void RulesReadme_AnalyzersSection_IsTheTableTheDescriptorsWrite()
    {
        var expected = RulesTable.Write(HelpLinkTests.Descriptors());

        RulesTable.Section("analyzers", expected).ShouldBe(expected, "run the tests with FEATUREFLAGS_UPDATE_DOCS=1 to rewrite docs/rules/README.md");
    }
}
