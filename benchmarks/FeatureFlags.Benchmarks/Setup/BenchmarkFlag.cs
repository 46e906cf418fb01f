using System.Globalization;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// One flag of the shared benchmark configuration, written once and rendered into both schemas:
/// FeatureFlags' <c>FeatureFlags</c> section and Microsoft.FeatureManagement's <c>feature_management</c>
/// section, so both libraries read equivalent flags from the same configuration root.
/// </summary>
public sealed record BenchmarkFlag(
    string Name,
    bool Enabled,
    double? Rollout = null,
    string[]? Users = null,
    string[]? Groups = null,
    string[]? Variants = null)
{
    private bool IsPlain => Rollout is null && Users is null && Groups is null && Variants is null;

    /// <summary>Writes the flag in FeatureFlags' schema: shorthand when it can, the object form otherwise.</summary>
    public void WriteFeatureFlags(IDictionary<string, string?> settings, string section = "FeatureFlags")
    {
        var path = section + ":" + Name;
        if (IsPlain)
        {
            settings[path] = Bool(Enabled);
            return;
        }

        settings[path + ":Enabled"] = Bool(Enabled);
        if (Rollout is { } rollout)
        {
            settings[path + ":Rollout"] = rollout.ToString(CultureInfo.InvariantCulture);
        }

        WriteList(settings, path + ":Users", Users);
        WriteList(settings, path + ":Groups", Groups);
        foreach (var variant in Variants ?? [])
        {
            settings[path + ":Variants:" + variant] = (100.0 / Variants!.Length).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Writes the flag in Microsoft.FeatureManagement's schema (<c>feature_management:feature_flags</c>):
    /// a percentage filter for a rollout alone, the targeting filter for allow-lists (groups fully in, the
    /// rollout as the default percentage), and percentile allocation for variants.
    /// </summary>
    public void WriteFeatureManagement(IDictionary<string, string?> settings, int index)
    {
        var path = "feature_management:feature_flags:" + index.ToString(CultureInfo.InvariantCulture);
        settings[path + ":id"] = Name;
        settings[path + ":enabled"] = Bool(Enabled);
        var filter = path + ":conditions:client_filters:0";
        if (Users is not null || Groups is not null)
        {
            settings[filter + ":name"] = "Microsoft.Targeting";
            WriteList(settings, filter + ":parameters:Audience:Users", Users);
            for (var i = 0; i < (Groups?.Length ?? 0); i++)
            {
                settings[$"{filter}:parameters:Audience:Groups:{i}:Name"] = Groups![i];
                settings[$"{filter}:parameters:Audience:Groups:{i}:RolloutPercentage"] = "100";
            }

            settings[filter + ":parameters:Audience:DefaultRolloutPercentage"] = (Rollout ?? 0).ToString(CultureInfo.InvariantCulture);
        }
        else if (Rollout is { } rollout)
        {
            settings[filter + ":name"] = "Microsoft.Percentage";
            settings[filter + ":parameters:Value"] = rollout.ToString(CultureInfo.InvariantCulture);
        }

        if (Variants is { Length: > 0 } variants)
        {
            var width = 100 / variants.Length;
            for (var i = 0; i < variants.Length; i++)
            {
                settings[$"{path}:variants:{i}:name"] = variants[i];
                settings[$"{path}:allocation:percentile:{i}:variant"] = variants[i];
                settings[$"{path}:allocation:percentile:{i}:from"] = (i * width).ToString(CultureInfo.InvariantCulture);
                settings[$"{path}:allocation:percentile:{i}:to"] = (i == variants.Length - 1 ? 100 : (i + 1) * width).ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static void WriteList(IDictionary<string, string?> settings, string path, string[]? items)
    {
        for (var i = 0; i < (items?.Length ?? 0); i++)
        {
            settings[path + ":" + i.ToString(CultureInfo.InvariantCulture)] = items![i];
        }
    }
}
