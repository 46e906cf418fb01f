// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. This file is the one
// source of the configuration rules: the runtime validates with it, and FF0006 reports with it.
using System.Globalization;

namespace FeatureFlags.Validation;

/// <summary>Validates one flag's configuration and turns it into a <see cref="FlagSpec"/>.</summary>
internal static class FlagRules
{
    public const string DefaultSectionName = "FeatureFlags";
    public const string DefaultSegmentsSectionName = "FeatureFlagSegments";
    public const string EnabledProperty = "Enabled";
    public const string UsersProperty = "Users";
    public const string GroupsProperty = "Groups";
    public const string RolloutProperty = "Rollout";
    public const string VariantsProperty = "Variants";
    public static readonly string ExperimentKind = FlagDeclarationShape.KindNames[1];

    /// <summary>
    /// How deep keys may nest below a flag: a flag object's property, a list item or a variant, and room for
    /// the richer schemas to come. Deeper keys are reported, not read, so no input costs more than linear work.
    /// </summary>
    public const int MaxDepthBelowFlag = 8;

    /// <summary>How many characters of a configured value or name a message quotes.</summary>
    public const int MaxQuotedLength = 64;

    /// <summary>How many characters of a configuration path or key a message shows.</summary>
    public const int MaxPathLength = 200;

    public static readonly string[] Properties =
    {
        EnabledProperty, UsersProperty, GroupsProperty, RolloutProperty, VariantsProperty,
        AudienceRules.RulesProperty, AudienceRules.SegmentsProperty, AudienceRules.ExcludeProperty,
        ScheduleRules.ScheduleProperty, PrerequisiteRules.RequiresProperty, FeatureManagementRules.TargetingProperty,
        FeatureManagementVariants.Property,
    };

    /// <summary>The properties as messages list them: <c>Enabled, Users, …, Segments and Exclude</c>.</summary>
    private static readonly string PropertyList = string.Join(", ", Properties.Take(Properties.Length - 1)) + " and " + Properties[Properties.Length - 1];

    /// <summary>Letters, digits, '.', '_' and '-'; not empty, and not digits alone (that is a list index in configuration).</summary>
    public static bool IsValidFlagName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        var digitsOnly = true;
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-'))
            {
                return false;
            }

            digitsOnly &= c >= '0' && c <= '9';
        }

        return !digitsOnly;
    }

    public static string InvalidNameMessage(string name) =>
        IsListIndex(name)
            ? Quote(name) + " is not a valid flag name: configuration makes a list item of a number, so the flags section must be an object of flag names, not a list"
            : Quote(name) + " is not a valid flag name: use letters, digits, '.', '_' and '-'";

    /// <summary>
    /// The problem with a flags section that is a plain value (<c>"FeatureFlags": "true"</c>, or the environment
    /// variable <c>FeatureFlags=x</c>), or null when the value is empty, which is what an empty list or object gives.
    /// </summary>
    public static string? SectionValueProblem(string? value) =>
        string.IsNullOrEmpty(value)
            ? null
            : "must be an object of flag names and their configuration, not a single value (" + Quote(value!) + ")";

    /// <summary>
    /// A configured value as a message quotes it: whole when short, otherwise a prefix and the length, so that
    /// a megabyte of input never becomes a megabyte of log.
    /// </summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength
            ? "'" + value + "'"
            : "'" + value.Substring(0, MaxQuotedLength) + "…' (" + LengthText(value) + ")";

    /// <summary>Like <see cref="Quote"/>, without the quotes: for numbers, which messages show bare, and for paths.</summary>
    public static string Shorten(string value, int maxLength = MaxQuotedLength) =>
        value.Length <= maxLength ? value : value.Substring(0, maxLength) + "… (" + LengthText(value) + ")";

    private static string LengthText(string value) => value.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters";

    /// <summary>Whether a key is a list index ("0", "1", …) as configuration writes list items.</summary>
    public static bool IsListIndex(string key)
    {
        int index;
        return key.Length > 0 && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

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
            problems.Add(new FlagProblem(path, "has both a value (" + Quote(node.Value) + ") and properties; give one or the other", node.Origin));
            return null;
        }

        if (!node.HasChildren)
        {
            if (node.Value == null || node.Value.Length == 0)
            {
                problems.Add(new FlagProblem(path, "is empty: give true, false, or an object with " + PropertyList, node.Origin));
                return null;
            }

            bool value;
            return TryParseBoolean(path, node, problems, out value) ? (value ? FlagSpec.On : FlagSpec.Off) : null;
        }

        var enabled = true;
        // Null when not given. A list given empty is still an allow-list, with nobody on it: removing the last
        // user from a permission flag must never release it to everybody.
        string[]? users = null, groups = null;
        double? rollout = null;
        FlagOrigin? enabledOrigin = null, usersOrigin = null, groupsOrigin = null, rolloutOrigin = null;
        var variants = new FlagVariantWeight[0];
        var rules = new RuleSpec[0];
        var segments = new string[0];
        AudienceSpec? exclude = null;
        ScheduleSpec? schedule = null;
        var requires = new PrerequisiteSpec[0];
        FlagOrigin? segmentsOrigin = null, scheduleOrigin = null, requiresOrigin = null;
        FeatureManagementTargetingSpec? featureManagement = null;
        FlagNode? featureManagementVariants = null;
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
                    enabledOrigin = child.Origin;
                    if (RequireScalar(propertyPath, child, "true or false", problems))
                    {
                        TryParseBoolean(propertyPath, child, problems, out enabled);
                    }

                    break;
                case UsersProperty:
                    usersOrigin = child.Origin;
                    users = ParseStringList(propertyPath, child, problems);
                    break;
                case GroupsProperty:
                    groupsOrigin = child.Origin;
                    groups = ParseStringList(propertyPath, child, problems);
                    break;
                case RolloutProperty:
                    rolloutOrigin = child.Origin;
                    if (RequireScalar(propertyPath, child, "a percentage from 0 to 100", problems))
                    {
                        rollout = ParsePercentage(propertyPath, child, problems);
                    }

                    break;
                case VariantsProperty:
                    variants = VariantRules.Parse(propertyPath, child, problems);
                    if (variants.Length > 0 && declaredKind != null && declaredKind != ExperimentKind)
                    {
                        problems.Add(new FlagProblem(propertyPath, "variants are for experiment flags, and this flag is declared as " + declaredKind, child.Origin));
                    }

                    break;
                case AudienceRules.RulesProperty:
                    rules = AudienceRules.ParseRules(propertyPath, child, problems);
                    break;
                case AudienceRules.SegmentsProperty:
                    segmentsOrigin = child.Origin;
                    segments = AudienceRules.ParseSegmentNames(propertyPath, child, problems);
                    break;
                case AudienceRules.ExcludeProperty:
                    exclude = AudienceRules.ParseAudience(propertyPath, child, problems);
                    break;
                case ScheduleRules.ScheduleProperty:
                    scheduleOrigin = child.Origin;
                    schedule = ScheduleRules.Parse(propertyPath, child, problems);
                    break;
                case PrerequisiteRules.RequiresProperty:
                    requiresOrigin = child.Origin;
                    requires = PrerequisiteRules.Parse(propertyPath, child, problems);
                    break;
                case FeatureManagementRules.TargetingProperty:
                    featureManagement = FeatureManagementRules.ParseAudience(propertyPath, NameIn(path), child, problems);
                    break;
                case FeatureManagementVariants.Property:
                    // Any kind, as in the feature_management section it comes from: migrating must not break a declared flag.
                    featureManagementVariants = child;
                    break;
                default:
                    problems.Add(new FlagProblem(
                        propertyPath,
                        "unknown property " + Quote(property.Key) + NameSuggestions.Hint(property.Key, Properties)
                            + "; a flag object takes " + PropertyList,
                        child.Origin));
                    break;
            }
        }

        // Microsoft.FeatureManagement's forms stand in for this library's own audience and variants whole.
        var ownAudienceOrVariants = users != null || groups != null || rollout != null || rules.Length > 0 || segments.Length > 0 || exclude != null || variants.Length > 0;
        if (featureManagement != null && ownAudienceOrVariants)
        {
            problems.Add(new FlagProblem(
                path + ":" + FeatureManagementRules.TargetingProperty,
                "is Microsoft.FeatureManagement's whole audience: it cannot be combined with Users, Groups, Rollout, Rules, Segments, Exclude or Variants",
                node.Origin));
        }

        if (featureManagementVariants != null && (ownAudienceOrVariants || requires.Length > 0))
        {
            problems.Add(new FlagProblem(
                path + ":" + FeatureManagementVariants.Property,
                "are Microsoft.FeatureManagement's variants and allocation: they go with Enabled, Schedule and FeatureManagementTargeting only, not with Users, Groups, Rollout, Rules, Segments, Exclude, Variants or Requires",
                node.Origin));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var spec = new FlagSpec(false, enabled, users, groups, rollout, variants, new FlagSpecOrigins(enabledOrigin, usersOrigin, groupsOrigin, rolloutOrigin, segmentsOrigin, scheduleOrigin, requiresOrigin), rules, segments, exclude, schedule, requires, featureManagement);
        return featureManagementVariants == null
            ? spec
            : FeatureManagementVariants.FromProperty(path + ":" + FeatureManagementVariants.Property, NameIn(path), spec, featureManagementVariants, problems);
    }

    /// <summary>The flag's name as configured, the last segment of its path: Microsoft.FeatureManagement's forms hash it with the user.</summary>
    private static string NameIn(string path) => path.Substring(path.LastIndexOf(':') + 1);

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

    internal static bool TryParseBoolean(string path, FlagNode node, ICollection<FlagProblem> problems, out bool value)
    {
        // Only the words: "1", "yes" and "on" are typos of intent as much as "ture" is. Surrounding white
        // space is ignored, as it is for numbers.
        var text = node.Value == null ? null : node.Value.Trim();
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        problems.Add(new FlagProblem(path, Quote(node.Value ?? string.Empty) + " is not a boolean (use true or false)", node.Origin));
        value = false;
        return false;
    }

    internal static bool RequireScalar(string path, FlagNode node, string expected, ICollection<FlagProblem> problems)
    {
        if (node.HasChildren || node.Value == null)
        {
            problems.Add(new FlagProblem(path, "must be " + expected + ", not " + (node.HasChildren ? "an object or a list" : "empty"), node.Origin));
            return false;
        }

        return true;
    }

    internal static double? ParsePercentage(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        double value;
        if (!TryParseNumber(node.Value!, out value))
        {
            problems.Add(new FlagProblem(path, Quote(node.Value!) + " is not a number (use an invariant-culture number such as 12.5)", node.Origin));
            return null;
        }

        if (value < 0 || value > 100)
        {
            problems.Add(new FlagProblem(path, Shorten(node.Value!.Trim()) + " is outside 0 to 100", node.Origin));
            return null;
        }

        return value;
    }

    /// <summary>What JSON and the invariant culture write as a number (<c>12.5</c>, <c>1e1</c>), and finite.</summary>
    internal static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && !double.IsNaN(value) && !double.IsInfinity(value);

    // The messages never quote an item or a key: these lists hold user ids, which must not reach a log.
    internal static string[] ParseStringList(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren)
        {
            // The JSON configuration provider stores [] as an empty string, and null as no value: an empty list.
            if (string.IsNullOrEmpty(node.Value))
            {
                return new string[0];
            }

            problems.Add(new FlagProblem(path, "must be a list of strings, such as [\"a\", \"b\"], not a single value", node.Origin));
            return new string[0];
        }

        var items = new List<string>();
        foreach (var item in node.Children)
        {
            if (!IsListIndex(item.Key))
            {
                problems.Add(new FlagProblem(path, "must be a list of strings, such as [\"a\", \"b\"], not an object", node.Origin));
                return new string[0];
            }

            var itemPath = path + ":" + item.Key;
            if (item.Value.HasChildren)
            {
                problems.Add(new FlagProblem(itemPath, "must be a string, not an object or a list", node.Origin));
            }
            else if (string.IsNullOrEmpty(item.Value.Value))
            {
                problems.Add(new FlagProblem(itemPath, "must be a non-empty string", item.Value.Origin));
            }
            else
            {
                items.Add(item.Value.Value!);
            }
        }

        return items.ToArray();
    }

    internal static bool AllListIndexes(FlagNode node)
    {
        foreach (var child in node.Children)
        {
            if (!IsListIndex(child.Key))
            {
                return false;
            }
        }

        return true;
    }
}
