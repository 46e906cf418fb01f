using System.Reflection;
using System.Text.RegularExpressions;

namespace FeatureFlags.Docs.Tests;

/// <summary>
/// The C# blocks of the repository's Markdown: the README, <c>docs/</c> and each package's README. A block is
/// compiled in the context named by a comment on the line before its fence, <c>&lt;!-- csharp: members --&gt;</c>;
/// without one, as statements of a program (see <see cref="SnippetContext"/>).
/// </summary>
internal static partial class CodeBlocks
{
    public static string RepoRoot { get; } =
        typeof(CodeBlocks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static IEnumerable<CodeBlock> All()
    {
        var files = new[] { Path.Combine(RepoRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoRoot, "docs"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateDirectories(Path.Combine(RepoRoot, "src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                var start = i + 1;
                var end = Array.FindIndex(lines, start, l => l.Trim() == "```");
                var context = i > 0 && ContextMarker().Match(lines[i - 1]) is { Success: true } m ? m.Groups[1].Value : "program";
                var relative = Path.GetRelativePath(RepoRoot, file).Replace(Path.DirectorySeparatorChar, '/');
                yield return new CodeBlock(relative, start + 1, context, string.Join("\n", lines[start..end]));
                i = end;
            }
        }
    }

    [GeneratedRegex(@"^<!--\s*csharp:\s*([\w-]+)\s*-->$")]
    private static partial Regex ContextMarker();
}

/// <summary>One C# block: where it is, how it is compiled, and its text.</summary>
internal sealed record CodeBlock(string File, int Line, string Context, string Code)
{
    /// <summary>The block's name in test output: file and line.</summary>
    public override string ToString() => $"{File}:{Line}";
}
