// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.

namespace FeatureFlags.Validation;

/// <summary>
/// Reads the <c>variants</c> and <c>allocation</c> of a Microsoft Feature Management schema flag, there or, as
/// <c>featureflags migrate</c> writes them, under this library's own <c>FeatureManagementVariants</c> property.
/// </summary>
internal static class FeatureManagementVariants
{
    /// <summary>
    /// The property of this library's own flag object that holds Microsoft.FeatureManagement's <c>variants</c> and
    /// <c>allocation</c> as that schema writes them, evaluated as that library does (its SHA-256 percentile buckets).
    /// </summary>
    public const string Property = "FeatureManagementVariants";

    /// <summary>
    /// The flag <paramref name="spec"/> with the variants and allocation of its <c>FeatureManagementVariants</c> property at
    /// <paramref name="path"/>: an object with <c>variants</c> and, optionally, <c>allocation</c>. Null, with problems, when wrong.
    /// </summary>
    /// <param name="path">The property's path.</param>
    /// <param name="flag">The flag's name: the allocation's seed defaults from it, as it does from an id.</param>
    /// <param name="spec">The flag read from its other properties.</param>
    /// <param name="node">The property's value.</param>
    /// <param name="problems">Receives every problem found.</param>
    public static FlagSpec? FromProperty(string path, string flag, FlagSpec spec, FlagNode node, ICollection<FlagProblem> problems)
    {
        FlagNode? variants = null;
        FlagNode? allocation = null;
        var before = problems.Count;
        foreach (var property in node.Children)
        {
            if (Is(property.Key, "variants"))
            {
                variants = property.Value;
            }
            else if (Is(property.Key, "allocation"))
            {
                allocation = property.Value;
            }
            else
            {
                problems.Add(new FlagProblem(path + ":" + property.Key, "is not a property of " + Property + " (use variants and allocation, as Microsoft.FeatureManagement writes them)", property.Value.Origin));
            }
        }

        if (variants == null || !variants.HasChildren)
        {
            problems.Add(new FlagProblem(path + ":variants", "is missing: give the variants, such as [ { \"name\": \"blue\" } ]", node.Origin));
            return null;
        }

        return problems.Count == before ? WithVariants(path, flag, spec, variants, allocation, problems) : null;
    }

    /// <summary>The flag <paramref name="spec"/> with its variants and their allocation; null, with problems, when they are wrong.</summary>
    public static FlagSpec? WithVariants(string path, string flag, FlagSpec spec, FlagNode variantsNode, FlagNode? allocationNode, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        var variants = new List<FlagVariantWeight>();
        var overrides = new List<bool?>();
        foreach (var item in variantsNode.Children)
        {
            var itemPath = path + ":variants:" + item.Key;
            string? name = null;
            VariantPayload? payload = null;
            bool? statusOverride = null;
            foreach (var property in item.Value.Children)
            {
                var propertyPath = itemPath + ":" + property.Key;
                if (Is(property.Key, "name"))
                {
                    name = property.Value.Value;
                }
                else if (Is(property.Key, "configuration_value"))
                {
                    payload = new VariantPayload(propertyPath, property.Value);
                }
                else if (Is(property.Key, "status_override"))
                {
                    var text = property.Value.Value;
                    statusOverride = Is(text, "Enabled") ? true : Is(text, "Disabled") ? false : null;
                    if (statusOverride is null && !Is(text, "None"))
                    {
                        problems.Add(new FlagProblem(propertyPath, FlagRules.Quote(text ?? string.Empty) + " is not a status override (use None, Enabled or Disabled)", property.Value.Origin));
                    }
                }
                else
                {
                    problems.Add(new FlagProblem(propertyPath, "is not a property of a variant (use name, configuration_value and status_override)", property.Value.Origin));
                }
            }

            if (string.IsNullOrEmpty(name))
            {
                problems.Add(new FlagProblem(itemPath + ":name", "is missing: a variant needs a name", item.Value.Origin));
            }
            else if (variants.Any(v => v.Name == name))
            {
                problems.Add(new FlagProblem(itemPath + ":name", FlagRules.Quote(name!) + " names a variant twice", item.Value.Origin));
            }
            else
            {
                // Weights are not used: the allocation picks the variant.
                variants.Add(new FlagVariantWeight(name!, 1, payload));
                overrides.Add(statusOverride);
            }
        }

        var allocation = Allocation(path + ":allocation", flag, allocationNode, variants.Select(v => v.Name).ToList(), overrides.ToArray(), problems);
        if (problems.Count > before || allocation is null)
        {
            return null;
        }

        return new FlagSpec(
            false, spec.Enabled, null, null, null, variants.ToArray(), spec.Origins,
            schedule: spec.Schedule, featureManagementTargeting: spec.FeatureManagementTargeting, featureManagementAllocation: allocation);
    }

    private static FeatureManagementAllocationSpec? Allocation(string path, string flag, FlagNode? node, List<string> names, bool?[] overrides, ICollection<FlagProblem> problems)
    {
        string? seed = null;
        string? whenEnabled = null;
        string? whenDisabled = null;
        var users = new List<KeyValuePair<string, string[]>>();
        var groups = new List<KeyValuePair<string, string[]>>();
        var percentiles = new List<PercentileSpec>();
        foreach (var property in node?.Children ?? new KeyValuePair<string, FlagNode>[0])
        {
            var propertyPath = path + ":" + property.Key;
            if (Is(property.Key, "seed"))
            {
                seed = property.Value.Value;
            }
            else if (Is(property.Key, "default_when_enabled"))
            {
                whenEnabled = Variant(propertyPath, property.Value, names, problems);
            }
            else if (Is(property.Key, "default_when_disabled"))
            {
                whenDisabled = Variant(propertyPath, property.Value, names, problems);
            }
            else if (Is(property.Key, "user") || Is(property.Key, "group"))
            {
                var list = Is(property.Key, "user") ? users : groups;
                var members = Is(property.Key, "user") ? "users" : "groups";
                foreach (var item in property.Value.Children)
                {
                    string? variant = null;
                    var listed = new string[0];
                    foreach (var field in item.Value.Children)
                    {
                        var fieldPath = propertyPath + ":" + item.Key + ":" + field.Key;
                        if (Is(field.Key, "variant"))
                        {
                            variant = Variant(fieldPath, field.Value, names, problems);
                        }
                        else if (Is(field.Key, members))
                        {
                            listed = FlagRules.ParseStringList(fieldPath, field.Value, problems);
                        }
                        else
                        {
                            problems.Add(new FlagProblem(fieldPath, $"is not a property of a {property.Key} allocation (use variant and {members})", field.Value.Origin));
                        }
                    }

                    if (variant is not null)
                    {
                        list.Add(new KeyValuePair<string, string[]>(variant, listed));
                    }
                }
            }
            else if (Is(property.Key, "percentile"))
            {
                foreach (var item in property.Value.Children)
                {
                    string? variant = null;
                    double from = 0;
                    double to = 0;
                    foreach (var field in item.Value.Children)
                    {
                        var fieldPath = propertyPath + ":" + item.Key + ":" + field.Key;
                        if (Is(field.Key, "variant"))
                        {
                            variant = Variant(fieldPath, field.Value, names, problems);
                        }
                        else if (Is(field.Key, "from") || Is(field.Key, "to"))
                        {
                            var value = FeatureManagementRules.Percentage(fieldPath, field.Value, problems);
                            if (Is(field.Key, "from"))
                            {
                                from = value;
                            }
                            else
                            {
                                to = value;
                            }
                        }
                        else
                        {
                            problems.Add(new FlagProblem(fieldPath, "is not a property of a percentile allocation (use variant, from and to)", field.Value.Origin));
                        }
                    }

                    if (from > to)
                    {
                        problems.Add(new FlagProblem(propertyPath + ":" + item.Key, "has from above to", item.Value.Origin));
                    }
                    else if (variant is not null)
                    {
                        percentiles.Add(new PercentileSpec(variant, from, to));
                    }
                }
            }
            else
            {
                problems.Add(new FlagProblem(propertyPath, "is not a property of an allocation (use default_when_enabled, default_when_disabled, user, group, percentile and seed)", property.Value.Origin));
            }
        }

        return new FeatureManagementAllocationSpec(
            seed ?? "allocation\n" + flag, whenEnabled, whenDisabled, users.ToArray(), groups.ToArray(), percentiles.ToArray(), node is null ? new bool?[names.Count] : overrides);
    }

    private static string? Variant(string path, FlagNode node, List<string> names, ICollection<FlagProblem> problems)
    {
        var name = node.Value;
        if (name is not null && names.Contains(name))
        {
            return name;
        }

        problems.Add(new FlagProblem(path, (string.IsNullOrEmpty(name) ? "names no variant" : FlagRules.Quote(name!) + " is not a variant of the flag") + " (its variants: " + string.Join(", ", names) + ")", node.Origin));
        return null;
    }

    private static bool Is(string? text, string name) => FeatureManagementRules.Is(text, name);
}
