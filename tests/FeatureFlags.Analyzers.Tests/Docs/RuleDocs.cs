// Shared with FeatureFlags.Generators.Tests (linked): one way to check the rules against their documentation.
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Tests.Docs;

/// <summary>
/// What the rules' documentation promises about their descriptors: each help link points at the rule's page in
/// this repository, and the table in <c>docs/rules/README.md</c> is written from the descriptors themselves so
/// that it cannot drift. Each assembly owns one section of the table, between <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c>; <c>FEATUREFLAGS_UPDATE_DOCS=1</c> rewrites the section instead of comparing.
/// </summary>
internal static class RuleDocs
{
    /// <summary>Where the help links point: the package metadata's <c>RepositoryUrl</c>.</summary>
    public const string Repository = "https://github.com/featureflags-dotnet/FeatureFlags";

    public static string Path => System.IO.Path.Combine(RepoRoot, "docs", "rules", "README.md");

    private static string RepoRoot =>
        typeof(RuleDocs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>Checks a rule's help link and that its page exists.</summary>
    public static void ShouldLinkToItsPage(DiagnosticDescriptor descriptor)
    {
        descriptor.HelpLinkUri.ShouldBe($"{Repository}/blob/main/docs/rules/{descriptor.Id}.md");
        File.Exists(System.IO.Path.Combine(RepoRoot, "docs", "rules", descriptor.Id + ".md")).ShouldBeTrue($"docs/rules/{descriptor.Id}.md");
        File.ReadAllText(System.IO.Path.Combine(RepoRoot, "Directory.Build.props")).ShouldContain($"<RepositoryUrl>{Repository}</RepositoryUrl>");
    }

    /// <summary>Checks the assembly's section of the rules table (or rewrites it, when asked to).</summary>
    public static void TableSectionShouldMatch(string section, IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var expected = Write(descriptors);
        Section(section, expected).ShouldBe(expected, "run the tests with FEATUREFLAGS_UPDATE_DOCS=1 to rewrite docs/rules/README.md");
    }

    /// <summary>The section's rows, one per descriptor, ordered by id.</summary>
    private static string Write(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var table = new StringBuilder()
            .AppendLine("| id | default severity | category | rule |")
            .AppendLine("|---|---|---|---|");
        foreach (var descriptor in descriptors.DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var title = descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace("|", "\\|", StringComparison.Ordinal);
            table.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity.ToString().ToLowerInvariant()} | {descriptor.Category} | {title} |").AppendLine();
        }

        return table.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The section as the file has it now, after rewriting it when asked to.</summary>
    private static string Section(string name, string expected)
    {
        var begin = $"<!-- {name}:begin -->\n";
        var end = $"<!-- {name}:end -->";
        var text = File.ReadAllText(Path).ReplaceLineEndings("\n");
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"docs/rules/README.md has no section '{name}' between {begin.Trim()} and {end}.");
        }

        start += begin.Length;
        if (Environment.GetEnvironmentVariable("FEATUREFLAGS_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(Path, text[..start] + expected + text[stop..]);
            return expected;
        }

        return text[start..stop];
    }
}
