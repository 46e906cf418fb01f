using FeatureFlags.Tables;
using FeatureFlags.Validation;

namespace FeatureFlags.Fixed;

/// <summary>
/// One flag of a fixed (test) snapshot before compilation: the same declaration, validated configuration and
/// sources the runtime compiles, so a test snapshot evaluates and explains exactly as a host's does.
/// </summary>
internal sealed class FixedFlag
{
    private FixedFlag(string name, FlagDefinition? definition, FlagSpec? spec, FlagValueSource[] sources, IReadOnlyDictionary<string, CompiledAudience>? segments = null, object?[]? variantValues = null)
    {
        VariantValues = variantValues;
        Name = name;
        Definition = definition;
        Spec = spec;
        Sources = sources;
        Segments = segments;
    }

    public string Name { get; }

    public FlagDefinition? Definition { get; }

    internal FlagSpec? Spec { get; }

    public FlagValueSource[] Sources { get; }

    /// <summary>The segments the flag's configuration names, compiled, when it came from configuration.</summary>
    internal IReadOnlyDictionary<string, CompiledAudience>? Segments { get; }

    /// <summary>The variants' values, bound, in the order of the spec's variants; null to bind them from the spec.</summary>
    internal object?[]? VariantValues { get; }

    /// <summary>
    /// What the flag does, independent of how it was written, such as <c>on for users [alice]</c>: equal states mean
    /// equal behaviour for every context. The test matrix compares these to drop cases that coincide.
    /// </summary>
    public string State => FlagDescription.Behaviour(Definition, Spec);

    /// <summary>A flag as a host compiled it from configuration.</summary>
    public static FixedFlag From(CompiledFlag flag) => new(flag.Name, flag.Definition, flag.Spec, flag.Sources, flag.SegmentTable, flag.Variants.IsEmpty ? null : flag.Variants.Values);

    /// <summary>A declared flag that configuration leaves alone: it has its default.</summary>
    public static FixedFlag Declared(string name, FlagDefinition? definition) => new(name, definition, null, []);

    /// <summary>The flag on for everybody; an experiment keeps the variants its configuration gives.</summary>
    public FixedFlag TurnedOn(string provider) =>
        Spec is { Variants.Length: > 0 }
            ? new(Name, Definition, new FlagSpec(false, true, null, null, null, Spec.Variants), [new FlagValueSource(provider, Name)], variantValues: VariantValues)
            : new(Name, Definition, FlagSpec.On, [new FlagValueSource(provider, Name)]);

    /// <summary>The flag off for everybody.</summary>
    public FixedFlag TurnedOff(string provider) => new(Name, Definition, FlagSpec.Off, [new FlagValueSource(provider, Name)]);

    /// <summary>The flag on for everybody, serving one variant; with <paramref name="value"/> as its value when given.</summary>
    /// <param name="variant">The variant's name.</param>
    /// <param name="provider">The name explanations give as the source.</param>
    /// <param name="value">The variant's value, already of the type the code reads it as; null for none.</param>
    public FixedFlag Serving(string variant, string provider, object? value = null) =>
        new(Name, Definition, new FlagSpec(false, true, null, null, null, [new FlagVariantWeight(variant, 100)]), [new FlagValueSource(provider, Name)], variantValues: [value]);
}
