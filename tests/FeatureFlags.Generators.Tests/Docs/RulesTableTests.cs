using FeatureFlags.Tests.Docs;

namespace FeatureFlags.Generators.Tests.Docs;

public sealed class RulesTableTests
{
    [Fact]
    public void RulesReadme_GeneratorSection_IsTheTableTheDescriptorsWrite()
    {
        var expected = RulesTable.Write(HelpLinkTests.Descriptors());

        RulesTable.Section("generator", expected).ShouldBe(expected, "run the tests with FEATUREFLAGS_UPDATE_DOCS=1 to rewrite docs/rules/README.md");
    }
}
