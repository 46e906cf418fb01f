using FeatureFlags.Targeting;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// A flag's variants, compiled: cumulative bucket thresholds over one hash of the context key, the names, and each
/// variant's value, bound once when the table is compiled so that reading one returns the same object every time.
/// Immutable and thread-safe.
/// </summary>
internal sealed class CompiledVariants
{
    public static readonly CompiledVariants None = new([], [], [], 0, null);

    private readonly ulong[] _thresholds;
    private readonly uint _seed;

    private CompiledVariants(string[] names, ulong[] thresholds, object?[] values, uint seed, Type? valueType)
    {
        Names = names;
        Values = values;
        _thresholds = thresholds;
        _seed = seed;
        ValueType = valueType;
    }

    /// <summary>The variant names, in bucket order (ordinal by name).</summary>
    public string[] Names { get; }

    /// <summary>Each variant's bound value, by the index <see cref="IndexFor"/> returns; null for a variant without one.</summary>
    public object?[] Values { get; }

    /// <summary>
    /// The type values were bound to: the flag's declared variant type, or <see cref="Microsoft.Extensions.Configuration.IConfigurationSection"/>
    /// when it declares none; null when a test supplied the values as objects, which are then read as whatever they are.
    /// </summary>
    public Type? ValueType { get; }

    public bool IsEmpty => Names.Length == 0;

    /// <param name="flagName">The flag's name: it seeds the hash, so flags split contexts independently.</param>
    /// <param name="variants">The validated variants.</param>
    /// <param name="values">Their bound values, or null to bind them now (a fixed flag compiled again).</param>
    /// <param name="definition">The flag's declaration, whose variant type the values are bound to.</param>
    public static CompiledVariants Compile(string flagName, FlagVariantWeight[] variants, object?[]? values, FlagDefinition? definition)
    {
        if (variants.Length == 0)
        {
            return None;
        }

        var total = variants.Sum(v => v.Weight);
        var thresholds = new ulong[variants.Length];
        double cumulative = 0;
        for (var i = 0; i < variants.Length; i++)
        {
            cumulative += variants[i].Weight;
            thresholds[i] = i == variants.Length - 1 ? StableHash.BucketSpace : StableHash.Threshold(cumulative / total * 100);
        }

        values ??= VariantBinder.Bind(variants, definition, problems: null);
        return new CompiledVariants(variants.Select(v => v.Name).ToArray(), thresholds, values, StableHash.VariantSeed(flagName), VariantBinder.ValueTypeOf(definition, values));
    }

    /// <summary>The index of the variant served to <paramref name="context"/>: sticky per key.</summary>
    public int IndexFor(EvaluationContext context)
    {
        ulong bucket = StableHash.Murmur3(context.KeyUtf8, _seed);
        var thresholds = _thresholds;
        for (var i = 0; i < thresholds.Length; i++)
        {
            if (bucket < thresholds[i])
            {
                return i;
            }
        }

        return thresholds.Length - 1;
    }

    /// <summary>The index of the variant named <paramref name="name"/>, ignoring case; -1 when there is none.</summary>
    public int IndexOf(string name) => Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
