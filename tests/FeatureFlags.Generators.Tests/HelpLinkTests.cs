using System.Reflection;
using FeatureFlags.Generators;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators.Tests;

public sealed class HelpLinkTests
{
    public static TheoryData<string, string> Rules()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in typeof(GeneratorDiagnostics)
                     .GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            data.Add(descriptor.Id, descriptor.HelpLinkUri);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void HelpLinkUri_EveryDiagnostic_PointsAtItsPageInThisRepository(string id, string helpLink)
    {
        var root = typeof(HelpLinkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

        helpLink.ShouldBe($"https://github.com/featureflags-dotnet/FeatureFlags/blob/main/docs/rules/{id}.md");
        File.Exists(Path.Combine(root, "docs", "rules", id + ".md")).ShouldBeTrue($"docs/rules/{id}.md");
    }
}
