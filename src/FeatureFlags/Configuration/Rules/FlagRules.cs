// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. This file is the one
// source of the configuration rules: the runtime validates with it, and FF0006 reports with it.
using System.Globalization;

namespace FeatureFlags.Configuration;

/// <summary>Validates one flag's configuration and turns it into a <see cref="FlagSpec"/>.</summary>
internal static class FlagRules
{
    public const string DefaultSectionName = "FeatureFlags";
    public const string EnabledProperty = "Enabled";
    public const string UsersProperty = "Users";
    public const string GroupsProperty = "Groups";
    public const string RolloutProperty = "Rollout";
    public const string VariantsProperty = "Variants";
    public const string ExperimentKind = "Experiment";

    public static readonly string[] Properties = { EnabledProperty, UsersProperty, GroupsProperty, RolloutProperty, VariantsProperty };

    /// <summary>Letters, digits, '.', '_' and '-'; not empty.</summary>
    public static bool IsValidFlagName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static string InvalidNameMessage(string name) =>
        "'" + name + "' is not a valid flag name: use letters, digits, '.', '_' and '-'";

    /// <summary>
    /// Validates <paramref name="node"/>, the configuration of the flag at <paramref name="path"/>.
    /// Every problem is added to <paramref name="problems"/>; the result is null when there was any.
    /// </summary>
    /// <param name="path">The flag's full configuration path, such as <c>FeatureFlags:NewCheckout</c>.</param>
    /// <param name="node">The flag's merged configuration.</param>
    /// <param name="declaredKind">The declared <c>FlagKind</c> name, or null for an undeclared flag.</param>
    /// <param name="problems">Receives every problem found.</param>
    public static FlagSpec? Parse(string path, FlagNode node, string? declaredKind, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        if (node.HasChildren && node.Value != null)
        {
            problems.Add(new FlagProblem(path, "has both a value ('" + node.Value + "') and properties; give one or the other", node.Origin));
            return null;
        }

        if (!node.HasChildren)
        {
            if (node.Value == null || node.Value.Length == 0)
            {
                problems.Add(new FlagProblem(path, "is empty: give true, false, or an object with Enabled, Users, Groups, Rollout or Variants", node.Origin));
                return null;
            }

            bool value;
            return TryParseBoolean(path, node, problems, out value) ? (value ? FlagSpec.On : FlagSpec.Off) : null;
        }

        var enabled = true;
        string[] users = new string[0], groups = new string[0];
        double? rollout = null;
        var variants = new FlagVariantWeight[0];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            var child = property.Value;
            if (!seen.Add(property.Key))
            {
                problems.Add(new FlagProblem(propertyPath, "is given twice", child.Origin));
                continue;
            }

            switch (Canonical(property.Key))
            {
                case EnabledProperty:
                    if (RequireScalar(propertyPath, child, "true or false", problems))
                    {
                        TryParseBoolean(propertyPath, child, problems, out enabled);
                    }

                    break;
                case UsersProperty:
                    users = ParseStringList(propertyPath, child, problems);
                    break;
                case GroupsProperty:
                    groups = ParseStringList(propertyPath, child, problems);
                    break;
                case RolloutProperty:
                    if (RequireScalar(propertyPath, child, "a percentage from 0 to 100", problems))
                    {
                        rollout = ParsePercentage(propertyPath, child, problems);
                    }

                    break;
                case VariantsProperty:
                    variants = ParseVariants(propertyPath, child, problems);
                    if (variants.Length > 0 && declaredKind != null && declaredKind != ExperimentKind)
                    {
                        problems.Add(new FlagProblem(propertyPath, "variants are for experiment flags, and this flag is declared as " + declaredKind, child.Origin));
                    }

                    break;
                default:
                    problems.Add(new FlagProblem(
                        propertyPath,
                        "unknown property '" + property.Key + "'" + NameSuggestions.Hint(property.Key, Properties)
                            + "; a flag object takes Enabled, Users, Groups, Rollout and Variants",
                        child.Origin));
                    break;
            }
        }

        return problems.Count == before ? new FlagSpec(false, enabled, users, groups, rollout, variants) : null;
    }

    private static string? Canonical(string property)
    {
        foreach (var known in Properties)
        {
            if (string.Equals(known, property, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    private static bool TryParseBoolean(string path, FlagNode node, ICollection<FlagProblem> problems, out bool value)
    {
        // Only the words: "1", "yes" and "on" are typos of intent as much as "ture" is.
        if (string.Equals(node.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (string.Equals(node.Value, "false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        problems.Add(new FlagProblem(path, "'" + node.Value + "' is not a boolean (use true or false)", node.Origin));
        value = false;
        return false;
    }

    private static bool RequireScalar(string path, FlagNode node, string expected, ICollection<FlagProblem> problems)
    {
        if (node.HasChildren || node.Value == null)
        {
            problems.Add(new FlagProblem(path, "must be " + expected + ", not " + (node.HasChildren ? "an object or a list" : "empty"), node.Origin));
            return false;
        }

        return true;
    }

    private static double? ParsePercentage(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        double value;
        if (!TryParseNumber(node.Value!, out value))
        {
            problems.Add(new FlagProblem(path, "'" + node.Value + "' is not a number (use an invariant-culture number such as 12.5)", node.Origin));
            return null;
        }

        if (value < 0 || value > 100)
        {
            problems.Add(new FlagProblem(path, node.Value + " is outside 0 to 100", node.Origin));
            return null;
        }

        return value;
    }

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value)
        && !double.IsNaN(value) && !double.IsInfinity(value);

    private static string[] ParseStringList(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (node.Value != null && !node.HasChildren)
        {
            // The JSON configuration provider stores [] as an empty string: that is an empty list.
            if (node.Value.Length == 0)
            {
                return new string[0];
            }

            problems.Add(new FlagProblem(path, "must be a list of strings, such as [\"" + node.Value + "\"], not a single value", node.Origin));
            return new string[0];
        }

        var items = new List<string>();
        foreach (var item in node.Children)
        {
            int index;
            var itemPath = path + ":" + item.Key;
            if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out index))
            {
                problems.Add(new FlagProblem(path, "must be a list of strings, not an object (found the property '" + item.Key + "')", item.Value.Origin));
                return new string[0];
            }

            if (item.Value.HasChildren || string.IsNullOrEmpty(item.Value.Value))
            {
                problems.Add(new FlagProblem(itemPath, "must be a non-empty string", item.Value.Origin));
                continue;
            }

            items.Add(item.Value.Value!);
        }

        return items.ToArray();
    }

    private static FlagVariantWeight[] ParseVariants(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren)
        {
            problems.Add(new FlagProblem(path, "must be an object of variant names and weights, such as { \"blue\": 50, \"green\": 50 }", node.Origin));
            return new FlagVariantWeight[0];
        }

        var before = problems.Count;
        var variants = new List<FlagVariantWeight>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        double total = 0;
        foreach (var variant in node.Children)
        {
            var variantPath = path + ":" + variant.Key;
            double weight;
            if (!names.Add(variant.Key))
            {
                problems.Add(new FlagProblem(variantPath, "is given twice", variant.Value.Origin));
            }
            else if (variant.Value.HasChildren || variant.Value.Value == null || !TryParseNumber(variant.Value.Value, out weight))
            {
                problems.Add(new FlagProblem(variantPath, "weight '" + (variant.Value.Value ?? "") + "' is not a number", variant.Value.Origin));
            }
            else if (weight < 0)
            {
                problems.Add(new FlagProblem(variantPath, "weight " + variant.Value.Value + " is negative", variant.Value.Origin));
            }
            else
            {
                total += weight;
                variants.Add(new FlagVariantWeight(variant.Key, weight));
            }
        }

        if (problems.Count == before && total <= 0)
        {
            problems.Add(new FlagProblem(path, "variant weights sum to 0: give at least one variant a positive weight", node.Origin));
        }

        // Sorted so that the buckets do not depend on the order a provider lists them in.
        variants.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return problems.Count == before ? variants.ToArray() : new FlagVariantWeight[0];
    }
}
