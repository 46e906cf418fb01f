// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. The one source of the prerequisite rules:
// the runtime validates Requires with it, and FF0006 reports with it.
namespace FeatureFlags.Validation;

/// <summary>Validates a flag's <c>Requires</c>, and checks the prerequisites of a whole configuration: known flags, known variants, no cycles.</summary>
internal static class PrerequisiteRules
{
    public const string RequiresProperty = "Requires";

    private const string Expected = "a list of flag names, such as [\"NewCheckout\"], or an object of flag names and the value each must have: true, false or a variant name, such as { \"NewCheckout\": true, \"CheckoutButton\": \"green\" }";

    /// <summary>A flag's <c>Requires</c>: flag names that must be on, or names with the value each must have.</summary>
    public static PrerequisiteSpec[] Parse(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren)
        {
            problems.Add(new FlagProblem(path, (string.IsNullOrEmpty(node.Value) ? "is empty: give " : "must be ") + Expected, node.Origin));
            return new PrerequisiteSpec[0];
        }

        var before = problems.Count;
        var list = FlagRules.AllListIndexes(node);
        var result = new List<PrerequisiteSpec>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in node.Children)
        {
            var itemPath = path + ":" + item.Key;
            var value = item.Value;
            string name;
            bool enabled = true;
            string? variant = null;
            if (list)
            {
                if (!AudienceRules.Scalar(itemPath, value, "a flag name", problems))
                {
                    continue;
                }

                name = value.Value!.Trim();
            }
            else
            {
                name = item.Key;
                if (!AudienceRules.Scalar(itemPath, value, "true, false or a variant name", problems))
                {
                    continue;
                }

                var text = value.Value!.Trim();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    enabled = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    variant = text;
                }
            }

            if (!FlagRules.IsValidFlagName(name))
            {
                problems.Add(new FlagProblem(itemPath, FlagRules.InvalidNameMessage(name), value.Origin));
            }
            else if (!seen.Add(name))
            {
                problems.Add(new FlagProblem(itemPath, "requires " + FlagRules.Quote(name) + " twice", value.Origin));
            }
            else
            {
                result.Add(new PrerequisiteSpec(name, enabled, variant, list ? itemPath : path + ":" + name, value.Origin));
            }
        }

        return problems.Count == before ? result.ToArray() : new PrerequisiteSpec[0];
    }

    /// <summary>
    /// Checks every flag's prerequisites against the whole configuration: each names a flag that is configured or
    /// declared, a variant that flag has, and no chain of requirements leads back to where it started.
    /// </summary>
    /// <param name="flags">The configured flags by name, with their paths and specs.</param>
    /// <param name="declared">The names declared in code, or otherwise known (a declared flag may be required without being configured).</param>
    /// <param name="problems">Receives every problem found, each with the path of the entry or the chain of the cycle.</param>
    /// <param name="variantsOfOthers">
    /// Whether a required variant of a flag not in <paramref name="flags"/> is an error: at run time that flag has no
    /// variants; at build time another appsettings file may configure them.
    /// </param>
    public static void Check(IDictionary<string, KeyValuePair<string, FlagSpec>> flags, ICollection<string> declared, ICollection<FlagProblem> problems, bool variantsOfOthers = true)
    {
        foreach (var flag in flags)
        {
            foreach (var requirement in flag.Value.Value.Requires)
            {
                KeyValuePair<string, FlagSpec> required;
                if (!flags.TryGetValue(requirement.Flag, out required))
                {
                    if (!declared.Contains(requirement.Flag))
                    {
                        problems.Add(new FlagProblem(requirement.Path, "requires the flag " + FlagRules.Quote(requirement.Flag) + ", which is neither configured nor declared" + NameSuggestions.Hint(requirement.Flag, flags.Keys.Concat(declared)), requirement.Origin));
                    }
                    else if (requirement.Variant != null && variantsOfOthers)
                    {
                        problems.Add(new FlagProblem(requirement.Path, "requires the variant " + FlagRules.Quote(requirement.Variant) + " of " + FlagRules.Quote(requirement.Flag) + ", which configuration gives no variants", requirement.Origin));
                    }
                }
                else if (requirement.Variant != null && !required.Value.Variants.Any(v => string.Equals(v.Name, requirement.Variant, StringComparison.OrdinalIgnoreCase)))
                {
                    var names = required.Value.Variants.Select(v => v.Name).ToArray();
                    problems.Add(new FlagProblem(
                        requirement.Path,
                        "requires the variant " + FlagRules.Quote(requirement.Variant) + " of " + FlagRules.Quote(requirement.Flag) + ", which "
                            + (names.Length == 0 ? "has no variants" : "has only " + string.Join(", ", names) + NameSuggestions.Hint(requirement.Variant, names)),
                        requirement.Origin));
                }
            }
        }

        Cycles.Find(
            flags.Keys,
            name => flags.TryGetValue(name, out var flag) ? flag.Value.Requires.Select(r => r.Flag) : null,
            (name, chain) => problems.Add(new FlagProblem(flags[name].Key + ":" + RequiresProperty, "is part of a cycle of prerequisites: " + chain + "; a flag may not require itself", flags[name].Value.Origins.Requires)));
    }
}
