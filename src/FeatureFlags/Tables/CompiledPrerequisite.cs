using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// One entry of a flag's <c>Requires</c>, linked to the compiled flag it names: checking it is a read of that flag for
/// the same context and instant, which allocates nothing. Immutable.
/// </summary>
internal sealed class CompiledPrerequisite
{
    private readonly CompiledFlag? _flag;
    private readonly int _variant;

    /// <param name="spec">The validated entry.</param>
    /// <param name="flag">The flag it names; null only in a fixed (test) table that lacks it, where it reads as off.</param>
    public CompiledPrerequisite(PrerequisiteSpec spec, CompiledFlag? flag)
    {
        Spec = spec;
        _flag = flag;
        _variant = spec.Variant is { } variant && flag is not null ? flag.Variants.IndexOf(variant) : -1;
    }

    public PrerequisiteSpec Spec { get; }

    /// <summary>The answer when it is the same for every context and instant; null when it must be checked per read.</summary>
    public bool? StaticAnswer =>
        _flag is null ? !Spec.Enabled && Spec.Variant is null
        : Spec.Variant is null && _flag.State != FlagState.Dynamic ? (_flag.State == FlagState.StaticTrue) == Spec.Enabled
        : null;

    public bool IsMet(EvaluationContext context, long now) =>
        _flag is not null && (Spec.Variant is null
            ? _flag.IsEnabled(context, now) == Spec.Enabled
            : _variant >= 0 && _flag.VariantIndex(context, now) == _variant);
}
