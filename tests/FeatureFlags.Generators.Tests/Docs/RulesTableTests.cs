using System.Reflection;
using FeatureFlags.Tests.Docs;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators.Tests.Docs;

public sealed class RulesTableTests
{
    [Fact]
    public void RulesReadme_GeneratorSection_IsTheTableTheDescriptorsWrite()
    {
        var descriptors = typeof(GeneratorDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        var expected = RulesTable.Write(descriptors);

        RulesTable.Section("generator", expected).ShouldBe(expected, "run the tests with FEATUREFLAGS_UPDATE_DOCS=1 to rewrite docs/rules/README.md");
    }
}
