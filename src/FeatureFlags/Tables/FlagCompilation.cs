using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>What one flag is compiled from: its declaration, validated configuration, sources, the segments and bound variant values.</summary>
/// <param name="Name">The flag's name.</param>
/// <param name="Definition">Its declaration, or null.</param>
/// <param name="Spec">Its validated configuration, or null when configuration is silent.</param>
/// <param name="Sources">The keys that supplied it.</param>
/// <param name="ShorthandAsEnabled">See <see cref="Configuration.MergedFlag.ShorthandAsEnabled"/>.</param>
/// <param name="Segments">Every segment, compiled; validation has checked that the flag names only these.</param>
/// <param name="VariantValues">The variants' values, bound; null to bind them while compiling.</param>
internal sealed record FlagCompilation(
    string Name,
    FlagDefinition? Definition,
    FlagSpec? Spec,
    FlagValueSource[] Sources,
    FlagValueSource? ShorthandAsEnabled = null,
    IReadOnlyDictionary<string, CompiledAudience>? Segments = null,
    object?[]? VariantValues = null);
