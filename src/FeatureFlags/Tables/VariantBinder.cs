using FeatureFlags.Validation;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Tables;

/// <summary>
/// Binds variant values to the flag's declared variant type, through the binder the declaration carries (the generated
/// catalog's, which calls Microsoft.Extensions.Configuration.Binder in the application's own code). A flag that declares
/// no type keeps each value as an <see cref="IConfigurationSection"/>.
/// </summary>
internal static class VariantBinder
{
    /// <summary>The type a flag's values are bound to; null when they are objects a test supplied for a flag that declares no type.</summary>
    public static Type? ValueTypeOf(FlagDefinition? definition, object?[] values) =>
        definition?.VariantType?.Type ?? (values.All(v => v is null or IConfigurationSection) ? typeof(IConfigurationSection) : null);

    /// <summary>
    /// Binds each variant's value. A value that does not bind is a problem at its path when <paramref name="problems"/> is
    /// given; without it (a flag compiled again from a validated spec) it throws.
    /// </summary>
    /// <exception cref="FlagConfigurationException">A value does not bind and no problem list was given.</exception>
    public static object?[] Bind(FlagVariantWeight[] variants, FlagDefinition? definition, ICollection<FlagProblem>? problems)
    {
        var values = new object?[variants.Length];
        var found = problems ?? new List<FlagProblem>();
        for (var i = 0; i < variants.Length; i++)
        {
            if (variants[i].Payload is { } payload)
            {
                values[i] = Bind(payload, definition, found);
            }
        }

        if (problems is null && found.Count > 0)
        {
            throw new FlagConfigurationException(found.Select(p => p.ToString()).ToList());
        }

        return values;
    }

    private static object? Bind(VariantPayload payload, FlagDefinition? definition, ICollection<FlagProblem> problems)
    {
        var section = ToSection(payload.Node);
        if (definition?.VariantType is not { } type)
        {
            return section;
        }

        try
        {
            if (type.Bind(section) is { } value)
            {
                return value;
            }

            problems.Add(new FlagProblem(payload.Path, "binds to nothing of type " + type.Type.Name + ": give a value that type can hold", payload.Node.Origin));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            problems.Add(new FlagProblem(payload.Path, "does not bind to " + type.Type.Name + ", the flag's variant type: " + e.Message, payload.Node.Origin));
        }

        return null;
    }

    /// <summary>The value as a configuration section of its own, so the binder and the application read it as any other.</summary>
    private static IConfigurationSection ToSection(FlagNode node)
    {
        const string Root = VariantRules.ValueProperty;
        var pairs = new List<KeyValuePair<string, string?>>();
        Flatten(Root, node, pairs);
        return new ConfigurationBuilder().AddInMemoryCollection(pairs).Build().GetSection(Root);
    }

    private static void Flatten(string key, FlagNode node, List<KeyValuePair<string, string?>> pairs)
    {
        if (!node.HasChildren)
        {
            pairs.Add(new(key, node.Value));
            return;
        }

        foreach (var child in node.Children)
        {
            Flatten(key + ConfigurationPath.KeyDelimiter + child.Key, child.Value, pairs);
        }
    }
}
