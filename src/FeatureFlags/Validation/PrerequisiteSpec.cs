// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>One entry of a flag's <c>Requires</c>: another flag that must be on (or off, or serve a variant) for it to be on. Immutable.</summary>
internal sealed class PrerequisiteSpec
{
    public PrerequisiteSpec(string flag, bool enabled, string? variant, string path, FlagOrigin? origin)
    {
        Flag = flag;
        Enabled = enabled;
        Variant = variant;
        Path = path;
        Origin = origin;
    }

    /// <summary>The required flag's name, as configuration writes it.</summary>
    public string Flag { get; }

    /// <summary>The value the required flag must have: on, unless configuration says <c>false</c>.</summary>
    public bool Enabled { get; }

    /// <summary>The variant the required flag must serve; null when any value of <see cref="Enabled"/> will do.</summary>
    public string? Variant { get; }

    /// <summary>The entry's configuration path, such as <c>FeatureFlags:NewCheckout:Requires:Payments</c>.</summary>
    public string Path { get; }

    public FlagOrigin? Origin { get; }

    /// <summary>What the entry asks, as reasons and descriptions write it: <c>Payments</c>, <c>Payments off</c>, <c>Payments = green</c>.</summary>
    public override string ToString() => Variant != null ? Flag + " = " + Variant : Enabled ? Flag : Flag + " off";
}
