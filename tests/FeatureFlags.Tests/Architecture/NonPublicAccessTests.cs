using System.Reflection;
using System.Text.RegularExpressions;

namespace FeatureFlags.Tests.Architecture;

/// <summary>
/// No shipped library reads another library's non-public members: a patch release of a dependency must not be
/// able to break an application through this library. Reading providers' keys, names and files goes through their
/// public API (docs/architecture.md, "Reading configuration").
/// </summary>
public sealed partial class NonPublicAccessTests
{
    // Files that reflect over non-public members of the application's own types, never another library's.
    private static readonly Dictionary<string, string> OwnTypesOnly = new()
    {
        ["FeatureFlags/Declarations/FlagCatalog.cs"] = "the reflection fallback reads the constants of the application's own [FlagCatalog] class",
    };

    public static TheoryData<string> Files()
    {
        var root = Path.Combine(RepoRoot, "src");
        return new(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Source_EveryShippedFile_ReadsNoNonPublicMember(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, "src", file));
        var found = NonPublicAccess().Matches(text).Select(m => m.Value);
        if (OwnTypesOnly.ContainsKey(file))
        {
            found = found.Where(m => m.StartsWith("UnsafeAccessor", StringComparison.Ordinal));
        }

        found.ShouldBeEmpty($"{file} reaches into another assembly's internals");
    }

    private static string RepoRoot =>
        typeof(NonPublicAccessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    // UnsafeAccessor, reflection asking for non-public members, and recognising a type by its name.
    [GeneratedRegex(@"UnsafeAccessor|BindingFlags\.NonPublic|GetType\(\)\.(Full)?Name\s*(==|switch|\))|case\s+""\w+ConfigurationProvider""")]
    private static partial Regex NonPublicAccess();
}
