// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>A flag's configuration after validation: what the value means, not how it was written.</summary>
internal sealed class FlagSpec
{
    public static readonly FlagSpec On = new(true, true, null, null, null, new FlagVariantWeight[0]);
    public static readonly FlagSpec Off = new(true, false, null, null, null, new FlagVariantWeight[0]);

    public FlagSpec(
        bool isShorthand,
        bool enabled,
        string[]? users,
        string[]? groups,
        double? rollout,
        FlagVariantWeight[] variants,
        FlagSpecOrigins? origins = null,
        RuleSpec[]? rules = null,
        string[]? segments = null,
        AudienceSpec? exclude = null,
        ScheduleSpec? schedule = null,
        PrerequisiteSpec[]? requires = null,
        FeatureManagementTargetingSpec? featureManagementTargeting = null,
        FeatureManagementAllocationSpec? featureManagementAllocation = null)
    {
        FeatureManagementTargeting = featureManagementTargeting;
        FeatureManagementAllocation = featureManagementAllocation;
        Schedule = schedule;
        Requires = requires ?? new PrerequisiteSpec[0];
        Rules = rules ?? new RuleSpec[0];
        Segments = segments ?? new string[0];
        Exclude = exclude;
        IsShorthand = isShorthand;
        Enabled = enabled;
        Users = users;
        Groups = groups;
        Rollout = rollout;
        Variants = variants;
        Origins = origins ?? FlagSpecOrigins.None;
    }

    /// <summary>
    /// Where each property was read; none for a shorthand, whose one source is the flag's. The reason a flag has
    /// its value names a property, and this names the key that set it.
    /// </summary>
    public FlagSpecOrigins Origins { get; }

    /// <summary>Written as plain <c>true</c> or <c>false</c>.</summary>
    public bool IsShorthand { get; }

    public bool Enabled { get; }

    /// <summary>
    /// The user allow-list, or null when configuration gives none. An empty list is an allow-list with nobody
    /// on it: the flag is targeted, and only <see cref="Groups"/> or <see cref="Rollout"/> can turn it on.
    /// </summary>
    public string[]? Users { get; }

    /// <summary>The group allow-list, or null when configuration gives none; empty means nobody, as for <see cref="Users"/>.</summary>
    public string[]? Groups { get; }

    /// <summary>
    /// Whether the flag's value depends on the context: it has an allow-list (even an empty one), a rollout, rules,
    /// segments or exclusions.
    /// </summary>
    public bool IsTargeted => Users != null || Groups != null || Rollout != null || Rules.Length > 0 || Segments.Length > 0 || Exclude != null || FeatureManagementTargeting != null;

    /// <summary>
    /// The audience of a flag read from Microsoft.FeatureManagement's schema, evaluated as that library does; null for
    /// flags of this library's own schema. A flag has either this or the allow-lists, rollout, rules and segments above.
    /// </summary>
    public FeatureManagementTargetingSpec? FeatureManagementTargeting { get; }

    /// <summary>
    /// How the variants of a flag read from the Microsoft Feature Management schema are assigned, in place of weights;
    /// null for every other flag.
    /// </summary>
    public FeatureManagementAllocationSpec? FeatureManagementAllocation { get; }

    /// <summary>Rules on context attributes, any of which turns the flag on (within the rule's rollout); empty when none.</summary>
    public RuleSpec[] Rules { get; }

    /// <summary>The segments whose members the flag is on for, by name; empty when none.</summary>
    public string[] Segments { get; }

    /// <summary>Who is always off, whatever else matches; null when nobody is excluded.</summary>
    public AudienceSpec? Exclude { get; }

    /// <summary>When the flag may be on at all; null when always.</summary>
    public ScheduleSpec? Schedule { get; }

    /// <summary>The flags that must be on (or off, or serve a variant) for this one to be on; empty when none.</summary>
    public PrerequisiteSpec[] Requires { get; }

    /// <summary>Percentage of context keys, 0 to 100, or null when every key is in.</summary>
    public double? Rollout { get; }

    public FlagVariantWeight[] Variants { get; }
}

/// <summary>A named variant, its relative weight, and the value it carries, if any.</summary>
internal sealed class FlagVariantWeight
{
    public FlagVariantWeight(string name, double weight, VariantPayload? payload = null)
    {
        Name = name;
        Weight = weight;
        Payload = payload;
    }

    public string Name { get; }

    public double Weight { get; }

    /// <summary>The variant's <c>Value</c>, unbound: the runtime binds it to the flag's variant type when the table is compiled.</summary>
    public VariantPayload? Payload { get; }
}

/// <summary>A variant's <c>Value</c> as configuration gives it: any JSON, kept as a node until it is bound.</summary>
internal sealed class VariantPayload
{
    public VariantPayload(string path, FlagNode node)
    {
        Path = path;
        Node = node;
    }

    /// <summary>The value's configuration path, such as <c>FeatureFlags:CheckoutButton:Variants:green:Value</c>.</summary>
    public string Path { get; }

    public FlagNode Node { get; }
}
