namespace FeatureFlags;

/// <summary>
/// A flag's value for one context and why it has it: the answer to "why is this flag on for me?".
/// Immutable.
/// </summary>
public sealed class FlagEvaluation
{
    private readonly FlagValueSource? _shorthandAsEnabled;

    internal FlagEvaluation(string flag, bool isEnabled, string? variant, EvaluationReason reason, FlagDefinition? definition, IReadOnlyList<FlagValueSource> sources, FlagValueSource? decidingSource = null, FlagValueSource? shorthandAsEnabled = null, string? decidingRule = null)
    {
        DecidingSource = decidingSource;
        DecidingRule = decidingRule;
        _shorthandAsEnabled = shorthandAsEnabled;
        Flag = flag;
        IsEnabled = isEnabled;
        Variant = variant;
        Reason = reason;
        Definition = definition;
        Sources = sources;
    }

    /// <summary>Gets the flag's name.</summary>
    public string Flag { get; }

    /// <summary>Gets whether the flag is on.</summary>
    public bool IsEnabled { get; }

    /// <summary>Gets the variant served, or <see langword="null"/> when the flag is off or has no variants.</summary>
    public string? Variant { get; }

    /// <summary>Gets why the flag has its value.</summary>
    public EvaluationReason Reason { get; }

    /// <summary>Gets the flag's declaration, or <see langword="null"/> when no catalog declares it.</summary>
    public FlagDefinition? Definition { get; }

    /// <summary>
    /// Gets the configuration keys that supplied the flag's value, earliest first; empty when no
    /// configuration mentions the flag. The last entry is the one that decided a shorthand value.
    /// </summary>
    public IReadOnlyList<FlagValueSource> Sources { get; }

    /// <summary>
    /// Gets the one source to show for this value: of <see cref="Sources"/>, the latest <c>Users</c> key for
    /// <see cref="EvaluationReason.TargetedUser"/>, <c>Groups</c> for <see cref="EvaluationReason.TargetedGroup"/>,
    /// <c>Rollout</c> for <see cref="EvaluationReason.Rollout"/>, and <c>Enabled</c> (or a shorthand
    /// <c>false</c> for the flag itself) for <see cref="EvaluationReason.Disabled"/>; otherwise, or when no such
    /// key is listed, the last source. <see langword="null"/> when <see cref="Sources"/> is empty.
    /// </summary>
    public FlagValueSource? DecidingSource { get; }

    /// <summary>
    /// Gets the rule, segment or exclusion that decided, for <see cref="EvaluationReason.RuleMatch"/> (<c>Rules:1</c>),
    /// <see cref="EvaluationReason.SegmentMatch"/> (<c>Segments:ProBenelux</c>) and <see cref="EvaluationReason.Excluded"/>
    /// (<c>Exclude</c>); otherwise <see langword="null"/>.
    /// </summary>
    public string? DecidingRule { get; }

    /// <summary>
    /// Gets a sentence on a precedence rule that decided the answer and that readers often do not expect, or
    /// <see langword="null"/>. Today one rule has one: a plain <c>false</c> in an earlier source counts as
    /// <c>Enabled: false</c> under an object that a later source gives the flag, so adding
    /// <c>{ "Users": ["alice"] }</c> in <c>appsettings.Development.json</c> over <c>"AdminTools": false</c> in
    /// <c>appsettings.json</c> leaves alice off until the later object sets <c>Enabled</c> too.
    /// </summary>
    public string? Note =>
        Reason == EvaluationReason.Disabled && _shorthandAsEnabled is { } plain && ReferenceEquals(DecidingSource, plain) && !ReferenceEquals(plain, Sources[^1])
            ? $"the plain false at {plain} counts as Enabled: false under the properties that later sources add ({Sources[^1]}); set Enabled there to turn the flag on"
            : null;

    /// <inheritdoc />
    public override string ToString()
    {
        var value = IsEnabled ? "on" : "off";
        var variant = Variant is null ? string.Empty : $" variant '{Variant}'";
        var source = Sources.Count == 0 ? "no configuration" : string.Join(", ", Sources);
        var reason = DecidingRule is null ? Reason.ToString() : $"{Reason} {DecidingRule}";
        var note = Note is { } text ? $": {text}" : string.Empty;
        return $"{Flag}: {value}{variant} ({reason}; {source}){note}";
    }
}
