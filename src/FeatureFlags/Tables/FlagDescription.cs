using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// The two texts that say what a flag's configuration does, side by side so they cannot drift: the change log's,
/// close to how configuration is written, and the behaviour that tests compare.
/// </summary>
internal static class FlagDescription
{
    /// <summary>
    /// How configuration sets the flag, as the change log shows it (<c>{ Enabled: true, Rollout: 10% }</c>): a reload
    /// that leaves it equal leaves the flag alone. User ids may be personal data: it shows how many, and a fingerprint, not who.
    /// </summary>
    public static string Audit(FlagDefinition? definition, FlagSpec? spec)
    {
        if (spec is null)
        {
            return (definition?.DefaultValue ?? false) ? "true (default)" : "false (default)";
        }

        if (spec.IsShorthand)
        {
            return spec.Enabled ? "true" : "false";
        }

        var parts = new List<string> { $"Enabled: {(spec.Enabled ? "true" : "false")}" };
        if (spec.Users is { } users)
        {
            parts.Add(users.Length == 0 ? "Users: none" : $"Users: {users.Length} ({UserListFingerprint.Of(users)})");
        }

        if (spec.Groups is { } groups)
        {
            parts.Add($"Groups: [{string.Join(", ", groups)}]");
        }

        if (spec.Rollout is { } rollout)
        {
            parts.Add($"Rollout: {rollout.ToString(CultureInfo.InvariantCulture)}%");
        }

        if (spec.Variants.Length > 0)
        {
            parts.Add("Variants: " + string.Join(", ", spec.Variants.Select(v => $"{v.Name}={v.Weight.ToString(CultureInfo.InvariantCulture)}{Payload(v)}")));
        }

        AddAudience(parts, spec);
        return "{ " + string.Join(", ", parts) + " }";
    }

    /// <summary>
    /// What the flag does for every context, independent of how it was written (<c>on for users [alice]</c>): list
    /// order and relative variant weights do not matter, and a disabled flag is <c>off</c> whatever else it names.
    /// </summary>
    public static string Behaviour(FlagDefinition? definition, FlagSpec? spec)
    {
        if (spec is null)
        {
            return definition?.DefaultValue == true ? "on" : "off";
        }

        if (!spec.Enabled)
        {
            return "off";
        }

        var parts = new List<string>();
        if (spec.Users is { } users)
        {
            parts.Add("users [" + string.Join(", ", users.Order(StringComparer.OrdinalIgnoreCase)) + "]");
        }

        if (spec.Groups is { } groups)
        {
            parts.Add("groups [" + string.Join(", ", groups.Order(StringComparer.OrdinalIgnoreCase)) + "]");
        }

        if (spec.Rollout is { } rollout)
        {
            parts.Add("rollout " + rollout.ToString(CultureInfo.InvariantCulture) + "%");
        }

        AddAudience(parts, spec);
        var state = parts.Count == 0 ? "on" : "on for " + string.Join(", ", parts);
        if (spec.Variants.Length > 0)
        {
            // Weights are relative: 1:1 and 50:50 serve the same split.
            var total = spec.Variants.Sum(v => v.Weight);
            state += " variants [" + string.Join(", ", spec.Variants.Select(v => v.Name + " " + (v.Weight / total).ToString("0.######", CultureInfo.InvariantCulture) + Payload(v))) + "]";
        }

        return state;
    }

    /// <summary>
    /// Schedule, prerequisites, rules, segments and exclusions, the same in both texts. User ids in an exclusion show as a
    /// count and a fingerprint.
    /// </summary>
    private static void AddAudience(List<string> parts, FlagSpec spec)
    {
        if (spec.FeatureManagementTargeting is { } targeting)
        {
            parts.Add("FeatureManagementTargeting: " + FeatureManagementAudience(targeting));
        }

        if (spec.FeatureManagementAllocation is { } allocation)
        {
            parts.Add("Allocation: " + FeatureManagementAllocation(allocation));
        }

        if (spec.Schedule is { } schedule)
        {
            parts.Add("Schedule: " + Schedule(schedule));
        }

        if (spec.Requires.Length > 0)
        {
            parts.Add("Requires: [" + string.Join(", ", spec.Requires.Select(r => r.ToString())) + "]");
        }

        if (spec.Segments.Length > 0)
        {
            parts.Add("Segments: [" + string.Join(", ", spec.Segments) + "]");
        }

        if (spec.Rules.Length > 0)
        {
            parts.Add("Rules: [" + string.Join("; ", spec.Rules.Select(Rule)) + "]");
        }

        if (spec.Exclude is { } exclude)
        {
            var excluded = new List<string>();
            if (exclude.Users is { Length: > 0 } users)
            {
                excluded.Add($"Users: {users.Length} ({UserListFingerprint.Of(users)})");
            }

            if (exclude.Groups is { Length: > 0 } groups)
            {
                excluded.Add("Groups: [" + string.Join(", ", groups) + "]");
            }

            if (exclude.Segments.Length > 0)
            {
                excluded.Add("Segments: [" + string.Join(", ", exclude.Segments) + "]");
            }

            if (exclude.Rules.Length > 0)
            {
                excluded.Add("Rules: [" + string.Join("; ", exclude.Rules.Select(Rule)) + "]");
            }

            parts.Add("Exclude: { " + string.Join(", ", excluded) + " }");
        }
    }

    private static string Schedule(ScheduleSpec schedule)
    {
        var window = (schedule.From is { } from ? "from " + ScheduleRules.Text(from) : "until")
            + (schedule.Until is { } until ? (schedule.From is null ? " " : " until ") + ScheduleRules.Text(until) : string.Empty);
        if (schedule.Recurrence is not { } recurrence)
        {
            return window;
        }

        var every = (recurrence.Interval == 1 ? "every " : $"every {recurrence.Interval} ")
            + (recurrence.Weekly ? (recurrence.Interval == 1 ? "week" : "weeks") + " on " + string.Join(", ", recurrence.Days) : recurrence.Interval == 1 ? "day" : "days");
        var zone = recurrence.ZoneId is { } id ? " in " + id : string.Empty;
        var end = recurrence.Occurrences is { } count ? $", {count} times"
            : recurrence.UntilDate is { } date ? ", until " + IsoDate.ToText(date)
            : recurrence.UntilInstant is { } instant ? ", until " + ScheduleRules.Text(instant)
            : string.Empty;
        return window + ", repeated " + every + zone + end;
    }

    /// <summary>A variant's value in a few characters: a change of value is a change of behaviour, and values may be long.</summary>
    private static string Payload(FlagVariantWeight variant) =>
        variant.Payload is { } payload
            ? " (value " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Flatten(payload.Node)))), 0, 6).ToLowerInvariant() + ")"
            : string.Empty;

    private static IEnumerable<string> Flatten(FlagNode node, string prefix = "")
    {
        if (!node.HasChildren)
        {
            yield return prefix + "=" + node.Value;
        }

        foreach (var child in node.Children)
        {
            foreach (var item in Flatten(child.Value, prefix + ":" + child.Key))
            {
                yield return item;
            }
        }
    }

    private static string Rule(RuleSpec rule)
    {
        var conditions = string.Join(" and ", rule.Conditions.Select(c => $"{c.Attribute} {c.Operator} {Operand(c)}{(c.CaseSensitive ? " (case-sensitive)" : string.Empty)}"));
        return rule.Rollout is { } rollout ? $"{conditions}, Rollout {rollout.ToString(CultureInfo.InvariantCulture)}%" : conditions;
    }

    private static string Operand(ConditionSpec condition) =>
        condition.Operator switch
        {
            ConditionOperator.In or ConditionOperator.NotIn => "[" + string.Join(", ", condition.Texts) + "]",
            ConditionOperator.LessThan or ConditionOperator.LessThanOrEqual or ConditionOperator.GreaterThan or ConditionOperator.GreaterThanOrEqual
                => condition.Number.ToString(CultureInfo.InvariantCulture),
            ConditionOperator.Before or ConditionOperator.After => condition.Instant.ToString("O", CultureInfo.InvariantCulture),
            _ => condition.Texts.Length > 0 ? condition.Texts[0] : VersionText(condition.Version),
        };

    private static string VersionText(SemanticVersion version) =>
        $"{version.Major}.{version.Minor}.{version.Patch}{(version.PreRelease is null ? string.Empty : "-" + version.PreRelease)}";

    /// <summary>A Microsoft.FeatureManagement audience; user ids as a count and a fingerprint.</summary>
    private static string FeatureManagementAudience(FeatureManagementTargetingSpec targeting)
    {
        var parts = new List<string>();
        if (targeting.Users.Length > 0)
        {
            parts.Add($"Users: {targeting.Users.Length} ({UserListFingerprint.Of(targeting.Users)})");
        }

        if (targeting.Groups.Length > 0)
        {
            parts.Add("Groups: [" + string.Join(", ", targeting.Groups.Select(g => g.Name + " " + g.Rollout.ToString(CultureInfo.InvariantCulture) + "%")) + "]");
        }

        parts.Add("Default: " + targeting.DefaultRollout.ToString(CultureInfo.InvariantCulture) + "%");
        if (targeting.ExcludedUsers.Length > 0)
        {
            parts.Add($"Excluded users: {targeting.ExcludedUsers.Length} ({UserListFingerprint.Of(targeting.ExcludedUsers)})");
        }

        if (targeting.ExcludedGroups.Length > 0)
        {
            parts.Add("Excluded groups: [" + string.Join(", ", targeting.ExcludedGroups) + "]");
        }

        return "{ " + string.Join(", ", parts) + " }";
    }

    /// <summary>A Microsoft.FeatureManagement allocation; user ids as a count and a fingerprint.</summary>
    private static string FeatureManagementAllocation(FeatureManagementAllocationSpec allocation)
    {
        var parts = new List<string>
        {
            "seed " + allocation.Seed.Replace("\n", " ", StringComparison.Ordinal),
            "when enabled " + (allocation.DefaultWhenEnabled ?? "none"),
            "when disabled " + (allocation.DefaultWhenDisabled ?? "none"),
        };
        parts.AddRange(allocation.Users.Select(u => $"{u.Key} for {u.Value.Length} users ({UserListFingerprint.Of(u.Value)})"));
        parts.AddRange(allocation.Groups.Select(g => $"{g.Key} for groups [{string.Join(", ", g.Value)}]"));
        parts.AddRange(allocation.Percentiles.Select(p => $"{p.Variant} {p.From.ToString(CultureInfo.InvariantCulture)}-{p.To.ToString(CultureInfo.InvariantCulture)}%"));
        parts.AddRange(allocation.StatusOverrides.Select((o, i) => o is { } on ? $"variant {i} turns the flag {(on ? "on" : "off")}" : null).OfType<string>());
        return "{ " + string.Join(", ", parts) + " }";
    }
}
