// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. Like FlagRules, the one source of the
// audience rules (Rules, Segments, Exclude and the segments section): the runtime validates with it, FF0006 reports with it.
using System.Globalization;
using System.Text.RegularExpressions;

namespace FeatureFlags.Validation;

/// <summary>Validates rules on context attributes, segment references and exclusions, and turns them into specs.</summary>
internal static class AudienceRules
{
    public const string RulesProperty = "Rules";
    public const string SegmentsProperty = "Segments";
    public const string ExcludeProperty = "Exclude";
    public const string WhenProperty = "When";
    public const string CaseSensitiveModifier = "CaseSensitive";

    /// <summary>The longest regular expression a rule may give: patterns are for shapes of values, not programs.</summary>
    public const int MaxPatternLength = 256;

    /// <summary>The longest attribute text a regular expression is run on; longer text does not match.</summary>
    public const int MaxMatchInputLength = 1024;

    private static readonly string[] RuleProperties = { WhenProperty, FlagRules.RolloutProperty };
    private static readonly string[] AudienceProperties = { FlagRules.UsersProperty, FlagRules.GroupsProperty, RulesProperty, SegmentsProperty };
    private static readonly string[] OperatorNames = Enum.GetNames(typeof(ConditionOperator));

    /// <summary>A flag's or segment's <c>Rules</c>: a non-empty list of rules, any of which admits a context.</summary>
    public static RuleSpec[] ParseRules(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!IsNonEmptyList(path, node, "a list of rules, such as [{ \"When\": { \"plan\": { \"In\": [\"pro\"] } } }]", problems))
        {
            return new RuleSpec[0];
        }

        var rules = new List<RuleSpec>();
        foreach (var item in node.Children)
        {
            var rule = ParseRule(path + ":" + item.Key, int.Parse(item.Key, CultureInfo.InvariantCulture), item.Value, problems);
            if (rule != null)
            {
                rules.Add(rule);
            }
        }

        return rules.ToArray();
    }

    /// <summary>A flag's <c>Segments</c>, or a segment's: a non-empty list of segment names.</summary>
    public static string[] ParseSegmentNames(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!IsNonEmptyList(path, node, "a list of segment names, such as [\"beta-testers\"]", problems))
        {
            return new string[0];
        }

        var names = FlagRules.ParseStringList(path, node, problems);
        foreach (var name in names)
        {
            if (!FlagRules.IsValidFlagName(name))
            {
                problems.Add(new FlagProblem(path, FlagRules.Quote(name) + " is not a valid segment name: use letters, digits, '.', '_' and '-'", node.Origin));
            }
        }

        return names;
    }

    /// <summary>
    /// An audience: a segment's definition, or a flag's <c>Exclude</c>. An object of <c>Users</c>, <c>Groups</c>,
    /// <c>Rules</c> and <c>Segments</c>, at least one of them, none empty.
    /// </summary>
    public static AudienceSpec ParseAudience(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren || FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be an object of Users, Groups, Rules and Segments, such as { \"Groups\": [\"legal-hold\"] }", node.Origin));
            return AudienceSpec.Nobody;
        }

        string[]? users = null, groups = null;
        var rules = new RuleSpec[0];
        var segments = new string[0];
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            switch (Canonical(property.Key, AudienceProperties))
            {
                case FlagRules.UsersProperty:
                    users = NonEmptyNames(propertyPath, property.Value, problems);
                    break;
                case FlagRules.GroupsProperty:
                    groups = NonEmptyNames(propertyPath, property.Value, problems);
                    break;
                case RulesProperty:
                    rules = ParseRules(propertyPath, property.Value, problems);
                    break;
                case SegmentsProperty:
                    segments = ParseSegmentNames(propertyPath, property.Value, problems);
                    break;
                default:
                    problems.Add(new FlagProblem(propertyPath, UnknownMessage("property", property.Key, AudienceProperties), property.Value.Origin));
                    break;
            }
        }

        return new AudienceSpec(users, groups, rules, segments, node.Origin);
    }

    /// <summary>
    /// Checks that every segment named exists and that no segment includes itself, through others or directly. Each
    /// problem names the path of the reference, or the chain of the cycle.
    /// </summary>
    /// <param name="segments">The segments by name, with the path each is defined at.</param>
    /// <param name="references">Every list of segment names: the path of the list, the names, and where the list is.</param>
    /// <param name="problems">Receives every problem found.</param>
    /// <param name="cyclesOf">The segments whose cycles to report (the build reports each file's own); null for all.</param>
    public static void CheckSegments(
        IDictionary<string, KeyValuePair<string, AudienceSpec>> segments,
        IEnumerable<SegmentReference> references,
        ICollection<FlagProblem> problems,
        ICollection<string>? cyclesOf = null)
    {
        foreach (var reference in references)
        {
            foreach (var name in reference.Names)
            {
                if (!segments.ContainsKey(name))
                {
                    problems.Add(new FlagProblem(reference.Path, "names the segment " + FlagRules.Quote(name) + ", which is not defined" + NameSuggestions.Hint(name, segments.Keys), reference.Origin));
                }
            }
        }

        Cycles.Find(
            cyclesOf ?? segments.Keys,
            name => segments.TryGetValue(name, out var segment) ? segment.Value.Segments : null,
            (name, chain) => problems.Add(new FlagProblem(segments[name].Key, "is part of a cycle of segments: " + chain + "; a segment may not include itself", segments[name].Value.Origin)));
    }

    /// <summary>The lists of segment names in a flag's configuration, with their paths: <c>Segments</c> and <c>Exclude:Segments</c>.</summary>
    public static IEnumerable<SegmentReference> ReferencesOf(string path, FlagSpec spec)
    {
        if (spec.Segments.Length > 0)
        {
            yield return new SegmentReference(path + ":" + SegmentsProperty, spec.Segments, spec.Origins.Segments);
        }

        if (spec.Exclude != null && spec.Exclude.Segments.Length > 0)
        {
            yield return new SegmentReference(path + ":" + ExcludeProperty + ":" + SegmentsProperty, spec.Exclude.Segments, spec.Exclude.Origin);
        }
    }

    private static RuleSpec? ParseRule(string path, int index, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren || FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be a rule object, such as { \"When\": { \"country\": { \"In\": [\"NL\"] } }, \"Rollout\": 10 }", node.Origin));
            return null;
        }

        var before = problems.Count;
        ConditionSpec[]? conditions = null;
        double? rollout = null;
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            switch (Canonical(property.Key, RuleProperties))
            {
                case WhenProperty:
                    conditions = ParseWhen(propertyPath, property.Value, problems);
                    break;
                case FlagRules.RolloutProperty:
                    if (FlagRules.RequireScalar(propertyPath, property.Value, "a percentage from 0 to 100", problems))
                    {
                        rollout = FlagRules.ParsePercentage(propertyPath, property.Value, problems);
                    }

                    break;
                default:
                    problems.Add(new FlagProblem(propertyPath, UnknownMessage("property", property.Key, RuleProperties), property.Value.Origin));
                    break;
            }
        }

        if (conditions == null && problems.Count == before)
        {
            problems.Add(new FlagProblem(path, "has no When: give the conditions a context must meet", node.Origin));
        }

        return problems.Count == before ? new RuleSpec(index, conditions!, rollout, node.Origin) : null;
    }

    private static ConditionSpec[] ParseWhen(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren || FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be an object of attribute names and their conditions, such as { \"plan\": { \"In\": [\"pro\"] } }", node.Origin));
            return new ConditionSpec[0];
        }

        var conditions = new List<ConditionSpec>();
        foreach (var attribute in node.Children)
        {
            var attributePath = path + ":" + attribute.Key;
            var operators = attribute.Value;
            if (!operators.HasChildren || FlagRules.AllListIndexes(operators))
            {
                problems.Add(new FlagProblem(attributePath, "must be an object of operators and values, such as { \"In\": [\"NL\", \"BE\"] }", operators.Origin));
                continue;
            }

            var caseSensitive = false;
            foreach (var modifier in operators.Children.Where(o => string.Equals(o.Key, CaseSensitiveModifier, StringComparison.OrdinalIgnoreCase)))
            {
                FlagRules.TryParseBoolean(attributePath + ":" + modifier.Key, modifier.Value, problems, out caseSensitive);
            }

            var any = false;
            foreach (var op in operators.Children.Where(o => !string.Equals(o.Key, CaseSensitiveModifier, StringComparison.OrdinalIgnoreCase)))
            {
                any = true;
                var condition = ParseCondition(attributePath + ":" + op.Key, attribute.Key, op.Key, op.Value, caseSensitive, problems);
                if (condition != null)
                {
                    conditions.Add(condition);
                }
            }

            if (!any)
            {
                problems.Add(new FlagProblem(attributePath, "has no operator: give one, such as { \"In\": [\"NL\"] }", operators.Origin));
            }
        }

        return conditions.ToArray();
    }

    private static ConditionSpec? ParseCondition(string path, string attribute, string name, FlagNode node, bool caseSensitive, ICollection<FlagProblem> problems)
    {
        var canonical = Canonical(name, OperatorNames);
        if (canonical == null)
        {
            problems.Add(new FlagProblem(path, UnknownMessage("operator", name, OperatorNames), node.Origin));
            return null;
        }

        var op = (ConditionOperator)Enum.Parse(typeof(ConditionOperator), canonical);
        var texts = new string[0];
        double number = 0;
        var version = default(SemanticVersion);
        var instant = default(DateTimeOffset);
        switch (op)
        {
            case ConditionOperator.In:
            case ConditionOperator.NotIn:
                texts = NonEmptyNames(path, node, problems) ?? new string[0];
                if (texts.Length == 0)
                {
                    return null;
                }

                break;
            case ConditionOperator.LessThan:
            case ConditionOperator.LessThanOrEqual:
            case ConditionOperator.GreaterThan:
            case ConditionOperator.GreaterThanOrEqual:
                if (!Scalar(path, node, "a number", problems) || !FlagRules.TryParseNumber(node.Value!.Trim(), out number))
                {
                    Report(path, node, "is not a number (use an invariant-culture number such as 12.5)", problems);
                    return null;
                }

                break;
            case ConditionOperator.VersionEquals:
            case ConditionOperator.VersionLessThan:
            case ConditionOperator.VersionLessThanOrEqual:
            case ConditionOperator.VersionGreaterThan:
            case ConditionOperator.VersionGreaterThanOrEqual:
                if (!Scalar(path, node, "a semantic version", problems) || !SemanticVersion.TryParse(node.Value, out version))
                {
                    Report(path, node, "is not a semantic version (use major.minor.patch, such as 2.3.0 or 2.3.0-beta.1)", problems);
                    return null;
                }

                break;
            case ConditionOperator.Before:
            case ConditionOperator.After:
                if (!Scalar(path, node, "an ISO 8601 date or time", problems) || !IsoTimestamp.TryParse(node.Value, out instant))
                {
                    Report(path, node, "is not an ISO 8601 date or time with an offset (use 2027-03-31 or 2027-03-31T09:00:00Z)", problems);
                    return null;
                }

                break;
            case ConditionOperator.Matches:
                if (!Scalar(path, node, "a regular expression", problems))
                {
                    return null;
                }

                if (PatternProblem(node.Value!) is { } problem)
                {
                    problems.Add(new FlagProblem(path, problem, node.Origin));
                    return null;
                }

                texts = new[] { node.Value! };
                break;
            default:
                if (!Scalar(path, node, "a string", problems))
                {
                    return null;
                }

                texts = new[] { node.Value! };
                break;
        }

        return new ConditionSpec(attribute, op, texts, number, version, instant, caseSensitive);
    }

    /// <summary>Why a regular expression cannot be used, or null: it must be short, valid, and free of backtracking constructs.</summary>
    private static string? PatternProblem(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "is empty: give a regular expression";
        }

        if (pattern.Length > MaxPatternLength)
        {
            return "is a regular expression of " + pattern.Length.ToString(CultureInfo.InvariantCulture) + " characters, more than the " + MaxPatternLength.ToString(CultureInfo.InvariantCulture) + " allowed";
        }

        try
        {
#if NET7_0_OR_GREATER
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
#else
            // Without the non-backtracking engine to ask, refuse what it refuses: lookarounds, back-references, atomic
            // groups and conditionals.
            if (Regex.IsMatch(pattern, @"\(\?(<?[=!]|>|\()|\\[1-9]|\\k<"))
            {
                return "uses a lookaround, back-reference, atomic group or conditional, which the non-backtracking engine does not run";
            }

            _ = new Regex(pattern, RegexOptions.CultureInvariant);
#endif
            return null;
        }
        catch (ArgumentException e)
        {
            return "is not a valid regular expression: " + e.Message;
        }
        catch (NotSupportedException e)
        {
            return "uses a construct the non-backtracking engine does not run (lookarounds, back-references, atomic groups, conditionals): " + e.Message;
        }
    }

    internal static bool IsNonEmptyList(string path, FlagNode node, string expected, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren)
        {
            problems.Add(new FlagProblem(path, string.IsNullOrEmpty(node.Value) ? "is empty: give " + expected + ", or remove it" : "must be " + expected + ", not a single value", node.Origin));
            return false;
        }

        if (!FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be " + expected + ", not an object", node.Origin));
            return false;
        }

        return true;
    }

    private static string[]? NonEmptyNames(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren && string.IsNullOrEmpty(node.Value))
        {
            problems.Add(new FlagProblem(path, "is empty: give at least one value, or remove it", node.Origin));
            return null;
        }

        return FlagRules.ParseStringList(path, node, problems);
    }

    internal static bool Scalar(string path, FlagNode node, string expected, ICollection<FlagProblem> problems)
    {
        if (node.HasChildren || string.IsNullOrEmpty(node.Value))
        {
            problems.Add(new FlagProblem(path, "must be " + expected + ", not " + (node.HasChildren ? "an object or a list" : "empty"), node.Origin));
            return false;
        }

        return true;
    }

    // A value already reported as not a scalar is not reported again as unparseable.
    private static void Report(string path, FlagNode node, string message, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren && !string.IsNullOrEmpty(node.Value))
        {
            problems.Add(new FlagProblem(path, FlagRules.Quote(node.Value!.Trim()) + " " + message, node.Origin));
        }
    }

    internal static string? Canonical(string name, string[] known)
    {
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static string UnknownMessage(string what, string name, string[] known) =>
        "unknown " + what + " " + FlagRules.Quote(name) + NameSuggestions.Hint(name, known) + "; use " + string.Join(", ", known);
}
