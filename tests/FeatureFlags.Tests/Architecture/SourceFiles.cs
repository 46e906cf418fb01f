using System.Reflection;

namespace FeatureFlags.Tests.Architecture;

/// <summary>The repository's C# sources, for tests that check what the code imports and touches.</summary>
internal static class SourceFiles
{
    public static string RepoRoot { get; } =
        typeof(SourceFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>
    /// The <c>.cs</c> files below <c>src/</c> folders matching <paramref name="folderPattern"/> (build output left out),
    /// as paths relative to <paramref name="relativeTo"/> (under <c>src/</c>) with <c>/</c>, in ordinal order.
    /// </summary>
    public static TheoryData<string> Under(string folderPattern, string relativeTo = "")
    {
        var src = Path.Combine(RepoRoot, "src");
        var root = Path.Combine(src, relativeTo);
        var separator = Path.DirectorySeparatorChar;
        return new(Directory.EnumerateDirectories(src, folderPattern)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(separator, '/'))
            .Order(StringComparer.Ordinal));
    }

    /// <summary>The text of a file, by its path relative to <c>src/</c>.</summary>
    public static string Read(string pathUnderSrc) => File.ReadAllText(Path.Combine(RepoRoot, "src", pathUnderSrc));
}
