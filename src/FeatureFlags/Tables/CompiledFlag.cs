using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// One flag compiled for evaluation: everything that can be decided at load is decided here, so the
/// read path is a few comparisons and, for rollouts and variants, one hash over pre-encoded bytes.
/// </summary>
internal sealed class CompiledFlag
{
    private readonly bool _isStatic;
    private readonly bool _staticValue;
    private readonly EvaluationReason _staticReason;
    private readonly NameSet? _users;
    private readonly NameSet? _groups;
    private readonly bool _hasRollout;
    private readonly ulong _rolloutThreshold;
    private readonly uint _rolloutSeed;
    private readonly uint _variantSeed;
    private readonly ulong[] _variantThresholds;
    private readonly string[] _variantNames;
    private readonly CompiledAudience? _exclude;
    private readonly CompiledAudience[] _segments = [];
    private readonly CompiledRule[] _rules = [];
    private string? _description;

    private static readonly IReadOnlyDictionary<string, CompiledAudience> NoSegments = new Dictionary<string, CompiledAudience>();

    /// <param name="name">The flag's name.</param>
    /// <param name="definition">Its declaration, or null.</param>
    /// <param name="spec">Its validated configuration, or null when configuration is silent.</param>
    /// <param name="sources">The keys that supplied it.</param>
    /// <param name="shorthandAsEnabled">See <see cref="ShorthandAsEnabled"/>.</param>
    /// <param name="segments">Every segment, compiled; validation has checked that the flag names only these.</param>
    public CompiledFlag(
        string name,
        FlagDefinition? definition,
        FlagSpec? spec,
        FlagValueSource[] sources,
        FlagValueSource? shorthandAsEnabled = null,
        IReadOnlyDictionary<string, CompiledAudience>? segments = null)
    {
        Name = name;
        Definition = definition;
        Spec = spec;
        Sources = sources;
        ShorthandAsEnabled = shorthandAsEnabled;
        _variantThresholds = [];
        _variantNames = [];

        if (spec is null)
        {
            (_isStatic, _staticValue, _staticReason) = (true, definition?.DefaultValue ?? false, EvaluationReason.Default);
            return;
        }

        if (!spec.Enabled)
        {
            (_isStatic, _staticValue, _staticReason) = (true, false, EvaluationReason.Disabled);
            return;
        }

        if (spec.Variants.Length > 0)
        {
            _variantSeed = StableHash.VariantSeed(name);
            _variantNames = spec.Variants.Select(v => v.Name).ToArray();
            _variantThresholds = CumulativeThresholds(spec.Variants);
        }

        if (!spec.IsTargeted)
        {
            (_isStatic, _staticValue, _staticReason) = (true, true, EvaluationReason.Static);
            return;
        }

        segments ??= NoSegments;
        SegmentTable = segments;
        if (spec.Exclude is { } exclude)
        {
            _exclude = new CompiledAudience(AudienceRules.ExcludeProperty, exclude.Origin);
            _exclude.Fill(exclude, name + ":Exclude", segments);
        }

        _segments = spec.Segments.Select(s => segments[s]).ToArray();
        _rules = CompiledRule.All(spec.Rules, name);

        // An empty allow-list matches nobody; without a rollout the flag is then off for everybody.
        _users = spec.Users is { Length: > 0 } users ? new NameSet(users) : null;
        _groups = spec.Groups is { Length: > 0 } groups ? new NameSet(groups) : null;
        if (spec.Rollout is { } rollout)
        {
            _hasRollout = true;
            _rolloutSeed = StableHash.RolloutSeed(name);
            _rolloutThreshold = StableHash.Threshold(rollout);
        }
    }

    public string Name { get; }

    public FlagDefinition? Definition { get; }

    /// <summary>The validated configuration the flag was compiled from; null when configuration is silent.</summary>
    public FlagSpec? Spec { get; }

    public FlagValueSource[] Sources { get; }

    /// <summary>The segments the flag was compiled against, for compiling it again (the testing package's fixed flags).</summary>
    public IReadOnlyDictionary<string, CompiledAudience> SegmentTable { get; } = NoSegments;

    /// <summary>The source of a plain value that later properties turned into <c>Enabled</c>; see <see cref="Configuration.MergedFlag.ShorthandAsEnabled"/>.</summary>
    public FlagValueSource? ShorthandAsEnabled { get; }

    /// <summary>The flag's <see cref="FlagState"/>: its value when that is the same for every context.</summary>
    public byte State => !_isStatic ? FlagState.Dynamic : _staticValue ? FlagState.StaticTrue : FlagState.StaticFalse;

    /// <summary>
    /// How configuration sets the flag, for the change log: equal descriptions mean equal behaviour.
    /// Written at first use: only the change log reads it, and a reload without one need not pay for it.
    /// Two threads may both write it; they write equal strings.
    /// </summary>
    public string Description => _description ??= FlagDescription.Audit(Definition, Spec);

    /// <summary>
    /// The key that decided a value given for <paramref name="reason"/>: the property the reason names (<c>Users</c>,
    /// <c>Groups</c>, <c>Rollout</c>, <c>Enabled</c>), as validation recorded it; otherwise, and for a shorthand, the
    /// last source. Null when configuration is silent.
    /// </summary>
    public FlagValueSource? DecidingSource(EvaluationReason reason, object? decider = null) =>
        reason switch
        {
            EvaluationReason.TargetedUser => Spec?.Origins.Users,
            EvaluationReason.TargetedGroup => Spec?.Origins.Groups,
            EvaluationReason.Rollout => Spec?.Origins.Rollout,
            EvaluationReason.Disabled => Spec?.Origins.Enabled,
            EvaluationReason.RuleMatch => (decider as CompiledRule)?.Origin,
            EvaluationReason.SegmentMatch or EvaluationReason.Excluded => (decider as CompiledAudience)?.Origin,
            _ => null,
        } ?? (Sources.Length == 0 ? null : Sources[^1]);

    /// <summary>The rule, segment or exclusion that decided, as <see cref="FlagEvaluation.DecidingRule"/> names it; null for the others.</summary>
    public static string? DecidingRule(object? decider) =>
        decider switch
        {
            CompiledRule rule => rule.Path,
            CompiledAudience { Name: AudienceRules.ExcludeProperty } => AudienceRules.ExcludeProperty,
            CompiledAudience segment => AudienceRules.SegmentsProperty + ":" + segment.Name,
            _ => null,
        };

    public bool IsEnabled(EvaluationContext context) => _isStatic ? _staticValue : EvaluateTargeting(context, out _, out _);

    public bool Evaluate(EvaluationContext context, out EvaluationReason reason) => Evaluate(context, out reason, out _);

    /// <summary>Evaluates, and says which rule, segment or exclusion decided (<paramref name="decider"/>), for <c>Explain</c>.</summary>
    public bool Evaluate(EvaluationContext context, out EvaluationReason reason, out object? decider)
    {
        if (_isStatic)
        {
            reason = _staticReason;
            decider = null;
            return _staticValue;
        }

        return EvaluateTargeting(context, out reason, out decider);
    }

    public string? GetVariant(EvaluationContext context)
    {
        if (_variantNames.Length == 0 || !IsEnabled(context))
        {
            return null;
        }

        ulong bucket = StableHash.Murmur3(context.KeyUtf8, _variantSeed);
        var thresholds = _variantThresholds;
        for (var i = 0; i < thresholds.Length; i++)
        {
            if (bucket < thresholds[i])
            {
                return _variantNames[i];
            }
        }

        return _variantNames[^1];
    }

    /// <summary>
    /// The documented order: exclusions, then users, groups, segments and rules (the first that admits the context
    /// decides), then the flag's rollout.
    /// </summary>
    private bool EvaluateTargeting(EvaluationContext context, out EvaluationReason reason, out object? decider)
    {
        decider = null;
        if (_exclude is not null && _exclude.Contains(context))
        {
            decider = _exclude;
            reason = EvaluationReason.Excluded;
            return false;
        }

        if (_users is not null && _users.ContainsKeyOf(context))
        {
            reason = EvaluationReason.TargetedUser;
            return true;
        }

        if (_groups is not null && _groups.ContainsAnyGroupOf(context))
        {
            reason = EvaluationReason.TargetedGroup;
            return true;
        }

        foreach (var segment in _segments)
        {
            if (segment.Contains(context))
            {
                decider = segment;
                reason = EvaluationReason.SegmentMatch;
                return true;
            }
        }

        foreach (var rule in _rules)
        {
            if (rule.Matches(context))
            {
                // The first matching rule decides, within its rollout.
                decider = rule;
                reason = EvaluationReason.RuleMatch;
                return rule.InRollout(context);
            }
        }

        if (_hasRollout)
        {
            reason = EvaluationReason.Rollout;
            return StableHash.Murmur3(context.KeyUtf8, _rolloutSeed) < _rolloutThreshold;
        }

        reason = EvaluationReason.NotTargeted;
        return false;
    }

    private static ulong[] CumulativeThresholds(FlagVariantWeight[] variants)
    {
        var total = variants.Sum(v => v.Weight);
        var thresholds = new ulong[variants.Length];
        double cumulative = 0;
        for (var i = 0; i < variants.Length; i++)
        {
            cumulative += variants[i].Weight;
            thresholds[i] = i == variants.Length - 1 ? StableHash.BucketSpace : StableHash.Threshold(cumulative / total * 100);
        }

        return thresholds;
    }
}
