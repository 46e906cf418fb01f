using System.Reflection;
using FeatureFlags.Generators;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators.Tests;

public sealed class HelpLinkTests
{
    /// <summary>Every diagnostic the generator reports.</summary>
    public static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(GeneratorDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    public static TheoryData<string, string> Rules()
    {
        var data = new TheoryData<string, string>();
        foreach (var descriptor in Descriptors())
        {
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
