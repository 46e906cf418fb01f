using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// One flag compiled for evaluation: everything that can be decided at load is decided here, so the
/// read path is a few comparisons and, for rollouts and variants, one hash over pre-encoded bytes.
/// </summary>
internal sealed class CompiledFlag
{
    private static readonly IReadOnlyDictionary<string, CompiledAudience> NoSegments = new Dictionary<string, CompiledAudience>();

    private readonly bool _isStatic;
    private readonly bool _staticValue;
    private readonly EvaluationReason _staticReason;
    private readonly object? _staticDecider;
    private readonly NameSet? _users;
    private readonly NameSet? _groups;
    private readonly bool _isTargeted;

    // A schedule or a prerequisite to check before targeting; without one a read goes straight to the targeting.
    private readonly bool _hasGates;
    private readonly bool _hasRollout;
    private readonly ulong _rolloutThreshold;
    private readonly uint _rolloutSeed;
    private readonly CompiledSchedule? _schedule;
    private readonly CompiledPrerequisite[] _prerequisites = [];
    private readonly CompiledAudience? _exclude;
    private readonly CompiledAudience[] _segments = [];
    private readonly CompiledRule[] _rules = [];

    // A flag read from Microsoft.FeatureManagement's schema: its audience, in place of the allow-lists, rules and rollout,
    // and its variant allocation, in place of weights (a served variant may override whether the flag is on).
    private readonly CompiledFeatureManagementAudience? _featureManagement;
    private readonly CompiledFeatureManagementAllocation? _allocation;
    private readonly bool _overridesStatus;
    private string? _description;

    /// <param name="flag">What the flag is compiled from.</param>
    /// <param name="compiled">The flags compiled so far: every flag this one requires is among them.</param>
    public CompiledFlag(FlagCompilation flag, IReadOnlyDictionary<string, CompiledFlag>? compiled = null)
    {
        var (name, definition, spec) = (flag.Name, flag.Definition, flag.Spec);
        Name = name;
        Definition = definition;
        Spec = spec;
        Sources = flag.Sources;
        ShorthandAsEnabled = flag.ShorthandAsEnabled;

        if (spec is null)
        {
            (_isStatic, _staticValue, _staticReason) = (true, definition?.DefaultValue ?? false, EvaluationReason.Default);
            return;
        }

        // A flag with a Microsoft.FeatureManagement allocation serves its default variant even while off, so its variants
        // are compiled before an off flag is folded.
        if (spec.Enabled || spec.FeatureManagementAllocation is not null)
        {
            Variants = CompiledVariants.Compile(name, spec.Variants, flag.VariantValues, definition);
        }

        if (spec.FeatureManagementAllocation is { } allocation)
        {
            _allocation = new CompiledFeatureManagementAllocation(allocation, Variants.Names);

            // A flag switched off is off whatever its variant says, as in Microsoft.FeatureManagement.
            _overridesStatus = spec.Enabled && _allocation.OverridesStatus;
        }

        if (!spec.Enabled)
        {
            (_isStatic, _staticValue, _staticReason) = (true, false, EvaluationReason.Disabled);
            return;
        }

        _schedule = spec.Schedule is { } schedule ? new CompiledSchedule(schedule) : null;

        // A prerequisite whose answer never changes is decided here: met, it is dropped; unmet, the flag is off for all.
        var prerequisites = new List<CompiledPrerequisite>();
        foreach (var requirement in spec.Requires)
        {
            var prerequisite = new CompiledPrerequisite(requirement, compiled?.GetValueOrDefault(requirement.Flag));
            if (prerequisite.StaticAnswer == false && _schedule is null)
            {
                (_isStatic, _staticValue, _staticReason, _staticDecider) = (true, false, EvaluationReason.PrerequisiteOff, prerequisite);
                return;
            }

            if (prerequisite.StaticAnswer != true)
            {
                prerequisites.Add(prerequisite);
            }
        }

        _prerequisites = [.. prerequisites];
        _isTargeted = spec.IsTargeted;
        _hasGates = _schedule is not null || _prerequisites.Length > 0 || _overridesStatus;
        if (!_isTargeted && !_hasGates)
        {
            (_isStatic, _staticValue, _staticReason) = (true, true, EvaluationReason.Static);
            return;
        }

        var segments = flag.Segments ?? NoSegments;
        SegmentTable = segments;
        if (spec.Exclude is { } exclude)
        {
            _exclude = new CompiledAudience(AudienceRules.ExcludeProperty, exclude.Origin);
            _exclude.Fill(exclude, name + ":Exclude", segments);
        }

        _segments = spec.Segments.Select(s => segments[s]).ToArray();
        _rules = CompiledRule.All(spec.Rules, name);
        _featureManagement = spec.FeatureManagementTargeting is { } audience ? new CompiledFeatureManagementAudience(audience) : null;

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

    /// <summary>The flag's index in its table's <see cref="FlagTable.All"/>: a compiled flag belongs to one table, which sets it.</summary>
    public int Position { get; set; }

    public FlagDefinition? Definition { get; }

    /// <summary>The validated configuration the flag was compiled from; null when configuration is silent.</summary>
    public FlagSpec? Spec { get; }

    public FlagValueSource[] Sources { get; }

    /// <summary>The segments the flag was compiled against, for compiling it again (the testing package's fixed flags).</summary>
    public IReadOnlyDictionary<string, CompiledAudience> SegmentTable { get; } = NoSegments;

    /// <summary>The source of a plain value that later properties turned into <c>Enabled</c>; see <see cref="Configuration.MergedFlag.ShorthandAsEnabled"/>.</summary>
    public FlagValueSource? ShorthandAsEnabled { get; }

    /// <summary>The flag's variants and their values; <see cref="CompiledVariants.None"/> when it has none or is off.</summary>
    public CompiledVariants Variants { get; } = CompiledVariants.None;

    /// <summary>Whether the flag has a schedule, so a snapshot must read the clock for it.</summary>
    public bool HasSchedule => _schedule is not null;

    /// <summary>The flag's <see cref="FlagState"/>: its value when that is the same for every context and instant.</summary>
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
            EvaluationReason.OutsideSchedule => Spec?.Origins.Schedule,
            EvaluationReason.PrerequisiteOff => (decider as CompiledPrerequisite)?.Spec.Origin ?? Spec?.Origins.Requires,
            _ => null,
        } ?? (Sources.Length == 0 ? null : Sources[^1]);

    /// <summary>The rule, segment or exclusion that decided, as <see cref="FlagEvaluation.DecidingRule"/> names it; null for the others.</summary>
    public static string? DecidingRule(object? decider) =>
        decider switch
        {
            CompiledRule rule => rule.Path,
            CompiledAudience { Name: AudienceRules.ExcludeProperty } => AudienceRules.ExcludeProperty,
            CompiledAudience segment => AudienceRules.SegmentsProperty + ":" + segment.Name,
            CompiledSchedule => ScheduleRules.ScheduleProperty,
            CompiledPrerequisite prerequisite => PrerequisiteRules.RequiresProperty + ":" + prerequisite.Spec.Flag,
            _ => null,
        };

    /// <summary>Reads the flag for <paramref name="context"/> at <paramref name="now"/> (UTC ticks, read only by scheduled flags).</summary>
    /// <remarks>A flag without a schedule or prerequisites goes straight to its targeting: they cost it nothing.</remarks>
    public bool IsEnabled(EvaluationContext context, long now) =>
        _isStatic ? _staticValue
        : !_hasGates ? EvaluateTargeting(context, out _, out _)
        : EvaluateDynamic(context, now, out _, out _);

    /// <summary>Evaluates, and says which rule, segment, exclusion, schedule or prerequisite decided (<paramref name="decider"/>), for <c>Explain</c>.</summary>
    public bool Evaluate(EvaluationContext context, long now, out EvaluationReason reason, out object? decider)
    {
        if (_isStatic)
        {
            reason = _staticReason;
            decider = _staticDecider;
            return _staticValue;
        }

        return EvaluateDynamic(context, now, out reason, out decider);
    }

    /// <summary>The index of the variant served, into <see cref="Variants"/>; -1 when the flag is off or has no variants.</summary>
    public int VariantIndex(EvaluationContext context, long now) =>
        _allocation is not null ? _allocation.Assign(context, _isStatic ? _staticValue : EvaluateGates(context, now, out _, out _))
        : Variants.IsEmpty || !IsEnabled(context, now) ? -1 : Variants.IndexFor(context);

    public string? GetVariant(EvaluationContext context, long now) => VariantIndex(context, now) is >= 0 and var index ? Variants.Names[index] : null;

    /// <summary>The schedule, then the prerequisites, then targeting; then, for a flag whose variants override it, the variant served.</summary>
    private bool EvaluateDynamic(EvaluationContext context, long now, out EvaluationReason reason, out object? decider)
    {
        var enabled = EvaluateGates(context, now, out reason, out decider);
        return _overridesStatus ? _allocation!.Apply(_allocation.Assign(context, enabled), enabled) : enabled;
    }

    /// <summary>The schedule, then the prerequisites, then targeting.</summary>
    private bool EvaluateGates(EvaluationContext context, long now, out EvaluationReason reason, out object? decider)
    {
        if (_schedule is not null && !_schedule.IsActive(now))
        {
            decider = _schedule;
            reason = EvaluationReason.OutsideSchedule;
            return false;
        }

        foreach (var prerequisite in _prerequisites)
        {
            if (!prerequisite.IsMet(context, now))
            {
                decider = prerequisite;
                reason = EvaluationReason.PrerequisiteOff;
                return false;
            }
        }

        if (!_isTargeted)
        {
            decider = null;
            reason = EvaluationReason.Static;
            return true;
        }

        return EvaluateTargeting(context, out reason, out decider);
    }

    /// <summary>
    /// The documented order: exclusions, then users, groups, segments and rules (the first that admits the context
    /// decides), then the flag's rollout.
    /// </summary>
    private bool EvaluateTargeting(EvaluationContext context, out EvaluationReason reason, out object? decider)
    {
        decider = null;
        if (_featureManagement is not null)
        {
            return _featureManagement.Evaluate(context, out reason);
        }

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
}
