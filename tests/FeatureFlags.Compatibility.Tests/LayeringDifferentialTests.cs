namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// Flags that a later file changes, as appsettings.{Environment}.json changes appsettings.json: Microsoft.FeatureManagement
/// reads the merged section, keys from both files, so a later plain value over an earlier object (or the reverse), and a
/// later <c>feature_flags</c> item at the same index, must read as it reads them. Zero disagreements, 2,000 users each.
/// </summary>
public sealed class LayeringDifferentialTests
{
    private const string Targeted = """
        { "FeatureManagement": { "X": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Users": [ "user-1" ], "DefaultRolloutPercentage": 30 } } } ] } } }
        """;

    private const string Listed = """
        { "feature_management": { "feature_flags": [
          { "id": "Y", "enabled": true, "conditions": { "client_filters": [ { "name": "Microsoft.Targeting", "parameters": { "Audience": { "DefaultRolloutPercentage": 30 } } } ] } }
        ] } }
        """;

    public static TheoryData<string, string, string> Layers() => new()
    {
        { "false over an object", Targeted, """{ "FeatureManagement": { "X": false } }""" },
        { "true over an object", Targeted, """{ "FeatureManagement": { "X": true } }""" },
        { "an object over false", """{ "FeatureManagement": { "X": false } }""", Targeted },
        { "an object over true", """{ "FeatureManagement": { "X": true } }""", Targeted },
        { "a rollout changed", Targeted, """{ "FeatureManagement": { "X": { "EnabledFor": [ { "Parameters": { "Audience": { "DefaultRolloutPercentage": 60 } } } ] } } }""" },
        { "a filter added", Targeted, """{ "FeatureManagement": { "X": { "RequirementType": "All", "EnabledFor": [ {}, { "Name": "AlwaysOn" } ] } } }""" },
        { "an item switched off", Listed, """{ "feature_management": { "feature_flags": [ { "enabled": false } ] } }""" },
        { "an item's rollout changed", Listed, """{ "feature_management": { "feature_flags": [ { "conditions": { "client_filters": [ { "parameters": { "Audience": { "DefaultRolloutPercentage": 70 } } } ] } } ] } }""" },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public async Task IsEnabled_LaterFileOverEarlier_SameAnswersAsFeatureManagement(string change, string first, string second)
    {
        using var both = new BothLibraries([first, second]);
        var flag = first.Contains("feature_flags", StringComparison.Ordinal) ? "Y" : "X";
        var disagreements = new List<string>();
        for (var i = 0; i < 2_000; i++)
        {
            var (theirs, ours) = await both.AskAsync(flag, $"user-{i}", []);
            if (theirs != ours)
            {
                disagreements.Add($"user-{i}: theirs {theirs}, ours {ours}");
            }
        }

        disagreements.ShouldBeEmpty($"{change}: {disagreements.Count} disagree, first: {string.Join("; ", disagreements.Take(3))}");
    }
}
