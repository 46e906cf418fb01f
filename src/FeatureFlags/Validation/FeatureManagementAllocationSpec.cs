// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// How Microsoft.FeatureManagement's Microsoft Feature Management schema assigns a flag's variants: by user, then by
/// group, then by percentile of a seeded SHA-256 bucket, else a default; a default when the flag is off; and variants
/// that may override whether the flag is on. The variants themselves are the flag's <see cref="FlagSpec.Variants"/>,
/// in this order.
/// </summary>
internal sealed class FeatureManagementAllocationSpec
{
    public FeatureManagementAllocationSpec(
        string seed,
        string? defaultWhenEnabled,
        string? defaultWhenDisabled,
        KeyValuePair<string, string[]>[] users,
        KeyValuePair<string, string[]>[] groups,
        PercentileSpec[] percentiles,
        bool?[] statusOverrides)
    {
        Seed = seed;
        DefaultWhenEnabled = defaultWhenEnabled;
        DefaultWhenDisabled = defaultWhenDisabled;
        Users = users;
        Groups = groups;
        Percentiles = percentiles;
        StatusOverrides = statusOverrides;
    }

    /// <summary>The percentile bucket's seed: the configured <c>seed</c>, or <c>allocation\n</c> and the flag's name.</summary>
    public string Seed { get; }

    public string? DefaultWhenEnabled { get; }

    public string? DefaultWhenDisabled { get; }

    /// <summary>Variant name → the users it is allocated to, in configuration order (the first match decides).</summary>
    public KeyValuePair<string, string[]>[] Users { get; }

    /// <summary>Variant name → the groups it is allocated to, in configuration order.</summary>
    public KeyValuePair<string, string[]>[] Groups { get; }

    public PercentileSpec[] Percentiles { get; }

    /// <summary>Per variant, by index: <see langword="true"/> turns the flag on, <see langword="false"/> off, null leaves it.</summary>
    public bool?[] StatusOverrides { get; }
}

/// <summary>A variant allocated to the users whose seeded bucket is at least <see cref="From"/> and below <see cref="To"/>.</summary>
internal sealed class PercentileSpec
{
    public PercentileSpec(string variant, double from, double to)
    {
        Variant = variant;
        From = from;
        To = to;
    }

    public string Variant { get; }

    public double From { get; }

    public double To { get; }
}
