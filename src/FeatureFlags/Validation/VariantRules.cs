// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. The one source of the variant rules:
// the runtime validates Variants with it, and FF0006 reports with it.
namespace FeatureFlags.Validation;

/// <summary>Validates a flag's <c>Variants</c>: names with a weight, or with a weight and a payload.</summary>
internal static class VariantRules
{
    public const string WeightProperty = "Weight";
    public const string ValueProperty = "Value";

    private const string Expected = "must be an object of variant names and weights, such as { \"blue\": 50, \"green\": 50 }, or of names and { \"Weight\": 50, \"Value\": … }";
    private static readonly string[] VariantProperties = { WeightProperty, ValueProperty };

    public static FlagVariantWeight[] Parse(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren)
        {
            problems.Add(new FlagProblem(path, Expected + ", not " + (string.IsNullOrEmpty(node.Value) ? "empty" : "a single value"), node.Origin));
            return new FlagVariantWeight[0];
        }

        if (FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, Expected + ", not a list", node.Origin));
            return new FlagVariantWeight[0];
        }

        var before = problems.Count;
        var variants = new List<FlagVariantWeight>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        double total = 0;
        foreach (var variant in node.Children)
        {
            var variantPath = path + ":" + variant.Key;
            if (!names.Add(variant.Key))
            {
                problems.Add(new FlagProblem(variantPath, "is given twice", variant.Value.Origin));
                continue;
            }

            var parsed = variant.Value.HasChildren
                ? ParseObject(variant.Key, variantPath, variant.Value, problems)
                : ParseWeight(variant.Key, variantPath, variant.Value, null, problems);
            if (parsed != null)
            {
                total += parsed.Weight;
                variants.Add(parsed);
            }
        }

        if (problems.Count == before && total <= 0)
        {
            problems.Add(new FlagProblem(path, "variant weights sum to 0: give at least one variant a positive weight", node.Origin));
        }
        else if (problems.Count == before && double.IsInfinity(total))
        {
            // Past the largest double the shares cannot be computed: one variant would take all traffic.
            problems.Add(new FlagProblem(path, "variant weights sum to more than a number can hold: use smaller weights (they are relative)", node.Origin));
        }

        // Sorted so that the buckets do not depend on the order a provider lists them in.
        variants.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return problems.Count == before ? variants.ToArray() : new FlagVariantWeight[0];
    }

    /// <summary>The object form: <c>{ "Weight": 50, "Value": … }</c>, where the value is any JSON a configuration source can hold.</summary>
    private static FlagVariantWeight? ParseObject(string name, string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be a weight, or an object of Weight and Value, not a list", node.Origin));
            return null;
        }

        FlagNode? weight = null, value = null;
        string? valuePath = null;
        foreach (var property in node.Children)
        {
            switch (AudienceRules.Canonical(property.Key, VariantProperties))
            {
                case WeightProperty:
                    weight = property.Value;
                    break;
                case ValueProperty:
                    (value, valuePath) = (property.Value, path + ":" + property.Key);
                    break;
                default:
                    problems.Add(new FlagProblem(path + ":" + property.Key, AudienceRules.UnknownMessage("property", property.Key, VariantProperties), property.Value.Origin));
                    return null;
            }
        }

        if (weight == null)
        {
            problems.Add(new FlagProblem(path, "needs a Weight", node.Origin));
            return null;
        }

        return ParseWeight(name, path + ":" + WeightProperty, weight, value == null ? null : new VariantPayload(valuePath!, value), problems);
    }

    private static FlagVariantWeight? ParseWeight(string name, string path, FlagNode node, VariantPayload? payload, ICollection<FlagProblem> problems)
    {
        double weight;
        if (node.HasChildren)
        {
            problems.Add(new FlagProblem(path, "weight must be a number, not an object or a list", node.Origin));
        }
        else if (node.Value == null || !FlagRules.TryParseNumber(node.Value, out weight))
        {
            problems.Add(new FlagProblem(path, "weight " + FlagRules.Quote(node.Value ?? string.Empty) + " is not a number", node.Origin));
        }
        else if (weight < 0)
        {
            problems.Add(new FlagProblem(path, "weight " + FlagRules.Shorten(node.Value.Trim()) + " is negative", node.Origin));
        }
        else
        {
            return new FlagVariantWeight(name, weight, payload);
        }

        return null;
    }
}
