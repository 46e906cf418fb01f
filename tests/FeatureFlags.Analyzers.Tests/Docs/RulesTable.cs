// Shared with FeatureFlags.Generators.Tests (linked): one way to write and check a section of the rules table.
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Tests.Docs;

/// <summary>
/// The table of rules in <c>docs/rules/README.md</c>, written from the diagnostic descriptors themselves so that
/// it cannot drift from them. Each assembly owns one section between <c>&lt;!-- name:begin --&gt;</c> and
/// <c>&lt;!-- name:end --&gt;</c>; <c>FEATUREFLAGS_UPDATE_DOCS=1</c> rewrites the section instead of comparing.
/// </summary>
internal static class RulesTable
{
    public static string Path => System.IO.Path.Combine(RepoRoot, "docs", "rules", "README.md");

    private static string RepoRoot =>
        typeof(RulesTable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The section's rows, one per descriptor, ordered by id.</summary>
    public static string Write(IEnumerable<DiagnosticDescriptor> descriptors)
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
    public static string Section(string name, string expected)
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
