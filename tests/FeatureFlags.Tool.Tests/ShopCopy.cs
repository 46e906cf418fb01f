using System.Diagnostics;
using System.Reflection;

namespace FeatureFlags.Tool.Tests;

/// <summary>
/// A copy of the web shop, its tests and the library's sources in a temporary folder, restored once; <see cref="Reset"/>
/// puts the shop's own files back between cases, so the library's build outputs stay and each build is incremental.
/// </summary>
public sealed class ShopCopy : IDisposable
{
    private static readonly string RepoRoot = typeof(ShopCopy).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static readonly string ToolPath = typeof(ShopCopy).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ToolPath").Value!;

    public ShopCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "featureflags-tool-" + Guid.NewGuid().ToString("N"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "samples/Directory.Build.props" })
        {
            Copy(Path.Combine(RepoRoot, file), Path.Combine(Root, file));
        }

        foreach (var folder in new[] { "build", "src", "samples/WebShop", "samples/WebShop.Tests" })
        {
            CopyFolder(Path.Combine(RepoRoot, folder), Path.Combine(Root, folder));
        }

        Pristine = Path.Combine(Root, ".pristine");
        CopyFolder(Path.Combine(Root, "samples"), Pristine);
        // Built once, as a user's repository is: the workspace then runs the source generator (its typed members are
        // uses too), and each case's build after a removal is incremental.
        var build = Run("dotnet", $"build \"{TestsProject}\"");
        build.ExitCode.ShouldBe(0, build.Output);
    }

    public string Root { get; }

    public string Shop => Path.Combine(Root, "samples", "WebShop");

    public string TestsProject => Path.Combine(Root, "samples", "WebShop.Tests", "WebShop.Tests.csproj");

    private string Pristine { get; }

    /// <summary>Puts the shop's and its tests' sources back as they were, leaving build outputs alone.</summary>
    public void Reset()
    {
        foreach (var project in new[] { "WebShop", "WebShop.Tests" })
        {
            var target = Path.Combine(Root, "samples", project);
            foreach (var file in SourceFiles(target))
            {
                File.Delete(file);
            }

            CopyFolder(Path.Combine(Pristine, project), target);
        }
    }

    /// <summary>Every file of the shop's and its tests' sources, build outputs left out.</summary>
    public IEnumerable<string> SourceFiles() => SourceFiles(Path.Combine(Root, "samples", "WebShop")).Concat(SourceFiles(Path.Combine(Root, "samples", "WebShop.Tests")));

    /// <summary>Runs the tool with <paramref name="arguments"/>.</summary>
    public static (int ExitCode, string Output) Tool(string arguments) => Run("dotnet", $"\"{ToolPath}\" {arguments}");

    public static (int ExitCode, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the folder is temporary either way.
        }
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)));

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "TestResults" or "BenchmarkDotNet.Artifacts");

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(Path.GetRelativePath(source, f))))
        {
            Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
    }
}
