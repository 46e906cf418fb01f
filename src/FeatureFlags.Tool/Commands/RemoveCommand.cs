using System.Text;
using FeatureFlags.Validation;
using FeatureFlags.CodeFixes.Removal;
using FeatureFlags.Tool.Inventory;
using FeatureFlags.Tool.Workspace;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Tool.Commands;

/// <summary>
/// <c>featureflags remove X --keep on|off</c>: the code fix across a whole solution, plus what a code fix cannot reach
/// (Razor views), then a summary of what changed and of what a human must still do.
/// </summary>
internal static class RemoveCommand
{
    public static async Task<int> RunAsync(string path, string flagName, bool keepOn, string? variant, bool dryRun, TextWriter output, TextWriter progress, CancellationToken cancellationToken)
    {
        var (workspace, solution) = await SolutionLoader.LoadAsync(path, progress, cancellationToken).ConfigureAwait(false);
        using (workspace)
        {
            var declarations = await FlagInventory.DeclarationsAsync(solution, cancellationToken).ConfigureAwait(false);
            var declaration = declarations.GetValueOrDefault(flagName)
                ?? throw new ToolException($"No catalog of the solution declares the flag '{flagName}'{NameSuggestions.Hint(flagName, declarations.Keys)}.");
            var flag = new RemovedFlag(declaration.Name, declaration.Field.Name, keepOn, variant);
            progress.WriteLine($"Removing '{flag.Name}', keeping it {(keepOn ? "on" : "off")}{(variant is null ? "" : " serving " + variant)} …");
            var (changed, todos) = await FlagRemoval.RemoveWithTodosAsync(solution, flag, cancellationToken).ConfigureAwait(false);

            var files = new List<(string Path, string Before, string After, int Uses)>();
            foreach (var projectChanges in changed.GetChanges(solution).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments().Concat(projectChanges.GetChangedAdditionalDocuments()))
                {
                    TextDocument before = solution.GetDocument(id) ?? (TextDocument)solution.GetAdditionalDocument(id)!;
                    TextDocument after = changed.GetDocument(id) ?? (TextDocument)changed.GetAdditionalDocument(id)!;
                    files.Add((before.FilePath ?? before.Name, (await before.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString(), (await after.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString(), 0));
                }
            }

            foreach (var view in solution.Projects.SelectMany(FlagInventory.RazorFiles).Distinct())
            {
                var before = await File.ReadAllTextAsync(view, cancellationToken).ConfigureAwait(false);
                if (RazorFlagRemover.Remove(before, flag.Name, flag.MemberName, keepOn, variant) is { } after)
                {
                    files.Add((view, before, after.Text, after.Uses));
                }
            }

            // A file left with no type (a page model that only the flag let through) goes, with its Razor view.
            var deleted = new List<string>();
            foreach (var document in changed.Projects.SelectMany(p => p.Documents).Where(d => files.Any(f => f.Path == d.FilePath)))
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is not null && !root.DescendantNodes().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.DelegateDeclarationSyntax))
                {
                    deleted.Add(document.FilePath!);
                    if (document.FilePath!.EndsWith(".cshtml.cs", StringComparison.OrdinalIgnoreCase) && File.Exists(document.FilePath[..^3]))
                    {
                        deleted.Add(document.FilePath[..^3]);
                    }
                }
            }

            foreach (var file in files.Where(f => !dryRun && !deleted.Contains(f.Path)))
            {
                await File.WriteAllTextAsync(file.Path, file.After, new UTF8Encoding(HasBom(file.Path)), cancellationToken).ConfigureAwait(false);
            }

            foreach (var file in deleted.Where(_ => !dryRun))
            {
                File.Delete(file);
            }

            WriteSummary(output, flag, files.Where(f => !deleted.Contains(f.Path)).Select(f => (f.Path, f.Before, f.After)).ToList(), deleted, todos, dryRun);
            return 0;
        }
    }

    private static void WriteSummary(TextWriter output, RemovedFlag flag, List<(string Path, string Before, string After)> files, List<string> deleted, List<string> todos, bool dryRun)
    {
        var root = Directory.GetCurrentDirectory();
        output.WriteLine($"{(dryRun ? "Would remove" : "Removed")} '{flag.Name}', kept {(flag.KeepOn ? "on" : "off")}: {files.Count} file(s) changed, {deleted.Count} deleted.");
        foreach (var (path, before, after) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var (removed, added) = LineDelta(before, after);
            output.WriteLine($"  {Path.GetRelativePath(root, path)}: -{removed} +{added} lines");
        }

        foreach (var path in deleted.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"  {Path.GetRelativePath(root, path)}: deleted (nothing in it outlived the flag)");
        }

        if (todos.Count > 0)
        {
            output.WriteLine("Needs a human:");
            foreach (var todo in todos)
            {
                output.WriteLine("  " + todo);
            }
        }
    }

    /// <summary>Lines only in the old text and lines only in the new, as multisets: enough for a summary.</summary>
    private static (int Removed, int Added) LineDelta(string before, string after)
    {
        var old = before.Split('\n').Select(l => l.TrimEnd('\r')).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var added = 0;
        foreach (var line in after.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (old.TryGetValue(line, out var count) && count > 0)
            {
                old[line] = count - 1;
            }
            else
            {
                added++;
            }
        }

        return (old.Values.Sum(), added);
    }

    private static bool HasBom(string path)
    {
        var start = new byte[3];
        using var stream = File.OpenRead(path);
        return stream.Read(start, 0, 3) == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;
    }
}
