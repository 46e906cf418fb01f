// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Configuration;

/// <summary>A flag's configuration after validation: what the value means, not how it was written.</summary>
internal sealed class FlagSpec
{
    public static readonly FlagSpec On = new(true, true, new string[0], new string[0], null, new FlagVariantWeight[0]);
    public static readonly FlagSpec Off = new(true, false, new string[0], new string[0], null, new FlagVariantWeight[0]);

    public FlagSpec(bool isShorthand, bool enabled, string[] users, string[] groups, double? rollout, FlagVariantWeight[] variants)
    {
        IsShorthand = isShorthand;
        Enabled = enabled;
        Users = users;
        Groups = groups;
        Rollout = rollout;
        Variants = variants;
    }

    /// <summary>Written as plain <c>true</c> or <c>false</c>.</summary>
    public bool IsShorthand { get; }

    public bool Enabled { get; }

    public string[] Users { get; }

    public string[] Groups { get; }

    /// <summary>Percentage of context keys, 0 to 100, or null when every key is in.</summary>
    public double? Rollout { get; }

    public FlagVariantWeight[] Variants { get; }
}

/// <summary>A named variant and its relative weight.</summary>
internal sealed class FlagVariantWeight
{
    public FlagVariantWeight(string name, double weight)
    {
        Name = name;
        Weight = weight;
    }

    public string Name { get; }

    public double Weight { get; }
}
