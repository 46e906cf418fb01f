using System.Reflection;
using FeatureFlags.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Tests;

public sealed class HelpLinkTests
{
    private const string Repository = "https://github.com/featureflags-dotnet/FeatureFlags";

    /// <summary>Every rule the analyzer assembly reports, once each.</summary>
    public static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .DistinctBy(d => d.Id);

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
    public void HelpLinkUri_EveryRule_PointsAtItsPageInThisRepository(string id, string helpLink)
    {
        helpLink.ShouldBe($"{Repository}/blob/main/docs/rules/{id}.md");
        File.Exists(Path.Combine(RepoRoot(), "docs", "rules", id + ".md")).ShouldBeTrue($"docs/rules/{id}.md");
    }

    [Fact]
    public void RepositoryUrl_PackageMetadata_IsWhereTheHelpLinksPoint()
    {
        File.ReadAllText(Path.Combine(RepoRoot(), "Directory.Build.props")).ShouldContain($"<RepositoryUrl>{Repository}</RepositoryUrl>");
    }

    private static string RepoRoot() =>
        typeof(HelpLinkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
}
