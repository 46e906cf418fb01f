namespace FeatureFlags;

/// <summary>
/// A flag's value for one context and why it has it: the answer to "why is this flag on for me?".
/// Immutable.
/// </summary>
public sealed class FlagEvaluation
{
    internal FlagEvaluation(string flag, bool isEnabled, string? variant, EvaluationReason reason, FlagDefinition? definition, IReadOnlyList<FlagValueSource> sources)
    {
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

    /// <inheritdoc />
    public override string ToString()
    {
        var value = IsEnabled ? "on" : "off";
        var variant = Variant is null ? string.Empty : $" variant '{Variant}'";
        var source = Sources.Count == 0 ? "no configuration" : string.Join(", ", Sources);
        return $"{Flag}: {value}{variant} ({Reason}; {source})";
    }
}
