// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>One validated rule: conditions that must all hold, and an optional rollout among the contexts they match. Immutable.</summary>
internal sealed class RuleSpec
{
    public RuleSpec(int index, ConditionSpec[] conditions, double? rollout, FlagOrigin? origin)
    {
        Index = index;
        Conditions = conditions;
        Rollout = rollout;
        Origin = origin;
    }

    /// <summary>The rule's position in its list, as its configuration path names it (<c>Rules:0</c>).</summary>
    public int Index { get; }

    public ConditionSpec[] Conditions { get; }

    /// <summary>The percentage of matching contexts the rule turns on, sticky per key; null when all of them.</summary>
    public double? Rollout { get; }

    public FlagOrigin? Origin { get; }
}
