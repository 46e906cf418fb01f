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

    public static TheoryData<string> Files() => SourceFiles.Under("*");

    [Theory]
    [MemberData(nameof(Files))]
    public void Source_EveryShippedFile_ReadsNoNonPublicMember(string file)
    {
        var text = SourceFiles.Read(file);
        var found = NonPublicAccess().Matches(text).Select(m => m.Value);
        if (OwnTypesOnly.ContainsKey(file))
        {
            found = found.Where(m => m.StartsWith("UnsafeAccessor", StringComparison.Ordinal));
        }

        found.ShouldBeEmpty($"{file} reaches into another assembly's internals");
    }


    // UnsafeAccessor, reflection asking for non-public members, and recognising a type by its name.
    [GeneratedRegex(@"UnsafeAccessor|BindingFlags\.NonPublic|GetType\(\)\.(Full)?Name\s*(==|switch|\))|case\s+""\w+ConfigurationProvider""")]
    private static partial Regex NonPublicAccess();
}
