using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// One rule compiled for evaluation: conditions that must all hold, and a sticky rollout among the contexts they
/// match, bucketed with a seed of its own so a rule's rollout is independent of the flag's.
/// </summary>
internal sealed class CompiledRule
{
    private readonly CompiledCondition[] _conditions;
    private readonly bool _hasRollout;
    private readonly uint _seed;
    private readonly ulong _threshold;

    /// <param name="spec">The validated rule.</param>
    /// <param name="owner">What the rule belongs to and where: <c>NewCheckout:Rules:0</c>, <c>segment ProBenelux:Rules:1</c>; seeds the rollout.</param>
    /// <param name="path">The rule's place as <see cref="FlagEvaluation.DecidingRule"/> shows it: <c>Rules:0</c>.</param>
    public CompiledRule(RuleSpec spec, string owner, string path)
    {
        _conditions = spec.Conditions.Select(c => new CompiledCondition(c)).ToArray();
        Path = path;
        Origin = spec.Origin;
        if (spec.Rollout is { } rollout)
        {
            _hasRollout = true;
            _seed = StableHash.RolloutSeed(owner);
            _threshold = StableHash.Threshold(rollout);
        }
    }

    public string Path { get; }

    /// <summary>Compiles a flag's or an audience's rules; <paramref name="owner"/> names it for the rollouts' seeds.</summary>
    public static CompiledRule[] All(RuleSpec[] rules, string owner) =>
        rules.Select(r => new CompiledRule(r, owner + ":Rules:" + r.Index, "Rules:" + r.Index)).ToArray();

    public FlagValueSource? Origin { get; }

    public bool Matches(EvaluationContext context)
    {
        foreach (var condition in _conditions)
        {
            if (!condition.Matches(context))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a context the rule matches is within its rollout: always, without one.</summary>
    public bool InRollout(EvaluationContext context) => !_hasRollout || StableHash.Murmur3(context.KeyUtf8, _seed) < _threshold;
}
