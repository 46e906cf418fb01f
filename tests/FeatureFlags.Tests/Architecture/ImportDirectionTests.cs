using System.Text.RegularExpressions;

namespace FeatureFlags.Tests.Architecture;

/// <summary>
/// The runtime's data path goes one way: configuration is read and validated, compiled into a table, and
/// evaluated; each folder imports only the stages before it (docs/architecture.md). Public types live in the
/// root namespace <c>FeatureFlags</c> wherever their folder is, so only imports of internal namespaces count.
/// </summary>
public sealed partial class ImportDirectionTests
{
    // Folder (under src/FeatureFlags) → the internal namespaces its files may import.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Diagnostics"] = [],
        ["Targeting"] = ["Validation", "Targeting"],
        ["Validation"] = [],
        ["Configuration"] = ["Validation", "Diagnostics"],
        ["Declarations"] = ["Validation"],
        ["Tables"] = ["Validation", "Configuration", "Diagnostics", "Targeting"],
        ["Evaluation"] = ["Tables", "Targeting", "Diagnostics"],
        ["Health"] = ["Tables"],
        ["DependencyInjection"] = ["Validation", "Configuration", "Diagnostics", "Tables", "Evaluation", "Targeting", "DependencyInjection"],
        // The testing package's entry point: fixed flags through the same table and snapshot.
        ["Fixed"] = ["Validation", "Configuration", "Tables", "Evaluation"],
    };

    // The runtime's internal namespaces the testing packages may import: only the entry point made for them.
    private static readonly string[] TestingMayImport = ["Fixed", "Testing"];

    public static TheoryData<string> Files() => SourceFiles.Under("FeatureFlags", relativeTo: "FeatureFlags");

    [Theory]
    [MemberData(nameof(Files))]
    public void Imports_EveryRuntimeFile_OnlyFromStagesBeforeIt(string file)
    {
        var folder = Allowed.Keys.Where(f => file.StartsWith(f + "/", StringComparison.Ordinal)).MaxBy(f => f.Length);
        folder.ShouldNotBeNull($"{file} is in no folder of the data path: add the folder to {nameof(ImportDirectionTests)} and docs/architecture.md");

        var text = SourceFiles.Read("FeatureFlags/" + file);
        var imports = UsingPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct();

        imports.Where(i => !Allowed[folder].Contains(i)).ShouldBeEmpty($"{file} imports a stage that comes after it (or beside it)");
    }

    public static TheoryData<string> TestingFiles() => SourceFiles.Under("FeatureFlags.Testing*");

    [Theory]
    [MemberData(nameof(TestingFiles))]
    public void Imports_TestingPackageFile_OnlyTheFixedEntryPoint(string file)
    {
        var text = SourceFiles.Read(file);
        var imports = UsingPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct();

        imports.Where(i => !TestingMayImport.Contains(i)).ShouldBeEmpty($"{file} reaches past FeatureFlags.Fixed into the runtime's internals");
    }

    [Fact]
    public void Imports_AllowedStages_FormNoCycle()
    {
        // A folder's allowed imports must not reach back to the folder itself through another folder (a folder's
        // files using its own internal namespace is no cycle between stages).
        foreach (var folder in Allowed.Keys.Where(f => f != "DependencyInjection"))
        {
            var reached = new HashSet<string>();
            var pending = new Stack<string>(Allowed[folder].Where(f => f != folder));
            while (pending.TryPop(out var next))
            {
                if (reached.Add(next) && Allowed.TryGetValue(next, out var further))
                {
                    further.Where(f => f != next).ToList().ForEach(pending.Push);
                }
            }

            reached.ShouldNotContain(folder.Split('/')[0]);
        }
    }

    [GeneratedRegex(@"^\s*using\s+FeatureFlags\.(\w+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();
}
