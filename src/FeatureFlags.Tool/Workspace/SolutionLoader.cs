using System.Diagnostics;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace FeatureFlags.Tool.Workspace;

/// <summary>Loads a solution or project with Roslyn's MSBuild workspace, saying on stderr what it does and how long it took.</summary>
internal static class SolutionLoader
{
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>
    /// The solution or project <paramref name="path"/> names: a <c>.sln</c>, <c>.slnx</c> or <c>.csproj</c>, or a folder holding exactly
    /// one solution (or, without one, one project).
    /// </summary>
    /// <exception cref="ToolException">Nothing to load, or more than one candidate.</exception>
    public static async Task<(MSBuildWorkspace Workspace, Solution Solution)> LoadAsync(string path, TextWriter progress, CancellationToken cancellationToken)
    {
        var file = Resolve(path);
        RegisterMSBuild();
        var started = Stopwatch.GetTimestamp();
        progress.WriteLine($"Loading {Path.GetFileName(file)} …");
        var workspace = MSBuildWorkspace.Create();
        var solution = Path.GetExtension(file) is ".csproj"
            ? (await workspace.OpenProjectAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution
            : await workspace.OpenSolutionAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var failure in workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure))
        {
            progress.WriteLine("warning: " + failure.Message);
        }

        progress.WriteLine($"Loaded {solution.Projects.Count()} project(s) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
        return (workspace, solution);
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return full;
        }

        if (!Directory.Exists(full))
        {
            throw new ToolException($"'{path}' is neither a solution, a project nor a folder.");
        }

        foreach (var pattern in new[] { "*.sln", "*.slnx", "*.csproj" })
        {
            var found = Directory.GetFiles(full, pattern);
            if (found.Length == 1)
            {
                return found[0];
            }

            if (found.Length > 1)
            {
                throw new ToolException($"'{path}' holds {found.Length} {pattern} files: name one ({string.Join(", ", found.Select(Path.GetFileName))}).");
            }
        }

        throw new ToolException($"'{path}' holds no solution (.sln, .slnx) and no project (.csproj).");
    }

    /// <summary>Points MSBuild at the SDK that builds the code (the one global.json selects), once per process.</summary>
    private static void RegisterMSBuild()
    {
        lock (Gate)
        {
            if (!_registered && !MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }

            _registered = true;
        }
    }
}
