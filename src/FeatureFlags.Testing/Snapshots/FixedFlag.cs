using System.Globalization;

using FeatureFlags.Configuration;

namespace FeatureFlags.Testing;

/// <summary>
/// One flag of a test snapshot before compilation: the same declaration, validated configuration and
/// sources the runtime compiles, so a test snapshot evaluates and explains exactly as a host's does.
/// </summary>
internal sealed class FixedFlag
{
    public FixedFlag(string name, FlagDefinition? definition, FlagSpec? spec, FlagValueSource[] sources)
    {
        Name = name;
        Definition = definition;
        Spec = spec;
        Sources = sources;
    }

    public string Name { get; }

    public FlagDefinition? Definition { get; }

    public FlagSpec? Spec { get; }

    public FlagValueSource[] Sources { get; }

    /// <summary>
    /// What the flag does, independent of how it was written: equal states mean equal behaviour for
    /// every context. The test matrix compares these to drop cases that coincide.
    /// </summary>
    public string State
    {
        get
        {
            if (Spec is null)
            {
                return Definition?.DefaultValue == true ? "on" : "off";
            }

            if (!Spec.Enabled)
            {
                return "off";
            }

            var parts = new List<string>();
            if (Spec.Users is { } users)
            {
                parts.Add("users [" + string.Join(", ", users.Order(StringComparer.OrdinalIgnoreCase)) + "]");
            }

            if (Spec.Groups is { } groups)
            {
                parts.Add("groups [" + string.Join(", ", groups.Order(StringComparer.OrdinalIgnoreCase)) + "]");
            }

            if (Spec.Rollout is { } rollout)
            {
                parts.Add("rollout " + rollout.ToString(CultureInfo.InvariantCulture) + "%");
            }

            var state = parts.Count == 0 ? "on" : "on for " + string.Join(", ", parts);
            if (Spec.Variants.Length > 0)
            {
                // Weights are relative: 1:1 and 50:50 serve the same split.
                var total = Spec.Variants.Sum(v => v.Weight);
                state += " variants [" + string.Join(", ", Spec.Variants.Select(v => v.Name + " " + (v.Weight / total).ToString("0.######", CultureInfo.InvariantCulture))) + "]";
            }

            return state;
        }
    }

    /// <summary>The flag on for everybody; an experiment keeps the variants its configuration gives.</summary>
    public FixedFlag TurnedOn(string provider) =>
        new(Name, Definition, Spec is { Variants.Length: > 0 } ? new FlagSpec(false, true, null, null, null, Spec.Variants) : FlagSpec.On, [new FlagValueSource(provider, Name)]);

    /// <summary>The flag off for everybody.</summary>
    public FixedFlag TurnedOff(string provider) => new(Name, Definition, FlagSpec.Off, [new FlagValueSource(provider, Name)]);

    /// <summary>The flag on for everybody, serving one variant.</summary>
    public FixedFlag Serving(string variant, string provider) =>
        new(Name, Definition, new FlagSpec(false, true, null, null, null, [new FlagVariantWeight(variant, 100)]), [new FlagValueSource(provider, Name)]);
}
