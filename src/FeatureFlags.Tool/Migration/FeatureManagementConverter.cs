using System.Globalization;
using FeatureFlags.Analyzers.Json;
using FeatureFlags.Validation;

namespace FeatureFlags.Tool.Migration;

/// <summary>
/// Converts one flag of Microsoft.FeatureManagement's .NET schema, or one item of its Microsoft Feature Management schema,
/// into this library's schema, only when the converted
/// flag answers every user at every instant as the original does: it is read with the same rules the runtime uses
/// (<see cref="FeatureManagementRules"/>), and written back only when what it means has an exact form here.
/// </summary>
/// <remarks>
/// On, off, <c>AlwaysOn</c> and time windows (with their recurrences) convert to this library's own forms. A targeting or
/// percentage filter converts to <c>FeatureManagementTargeting</c>, the audience in Microsoft.FeatureManagement's terms,
/// which this library evaluates as that library does (its SHA-256 buckets, its case-sensitive names); a time window
/// required with it becomes the flag's <c>Schedule</c>. An item's <c>variants</c> and <c>allocation</c> are copied as
/// they are written into <c>FeatureManagementVariants</c>, which this library evaluates as that library does.
/// </remarks>
internal static class FeatureManagementConverter
{
    /// <summary>Converts the flag <paramref name="name"/>; the JSON to write under <c>FeatureFlags</c>, or why not.</summary>
    public static (string? Json, string? NotConverted) Convert(string name, JsonNode value)
    {
        var problems = new List<FlagProblem>();
        var spec = FeatureManagementRules.Parse(FeatureManagementRules.SectionName + ":" + name, name, Analyzers.Json.AppSettingsChecker.ToFlagNode(value), problems);
        return spec is null ? (null, "invalid: " + string.Join("; ", problems)) : FromSpec(spec, value);
    }

    /// <summary>
    /// Converts the item at <paramref name="index"/> of <c>feature_management:feature_flags</c>: its id (null when it has
    /// none), and the JSON to write under <c>FeatureFlags</c>, or why not. Its <c>telemetry</c>, <c>description</c> and
    /// <c>display_name</c> do not change an answer and are not carried over; its <c>variants</c> and <c>allocation</c> are
    /// copied from <paramref name="text"/>, the file, as they are written.
    /// </summary>
    public static (string? Id, string? Json, string? NotConverted) ConvertItem(int index, JsonNode item, string text)
    {
        var problems = new List<FlagProblem>();
        var parsed = MicrosoftSchemaRules.Parse(MicrosoftSchemaRules.SectionName + ":" + index.ToString(CultureInfo.InvariantCulture), Analyzers.Json.AppSettingsChecker.ToFlagNode(item), problems);
        var id = parsed?.Key ?? item.Properties.FirstOrDefault(p => FeatureManagementRules.Is(p.Name, "id"))?.Value.Text;
        if (parsed is not { Value: { } spec })
        {
            return (id, null, "invalid: " + string.Join("; ", problems));
        }

        string? variants = null;
        if (spec.Variants.Length > 0)
        {
            var members = item.Properties
                .Where(p => FeatureManagementRules.Is(p.Name, "variants") || FeatureManagementRules.Is(p.Name, "allocation"))
                .Select(p => $"\"{p.Name}\": " + text.Substring(p.Value.Span.Start, p.Value.Span.Length));
            variants = JsonObject(members);
        }

        var (json, why) = FromSpec(spec, item, variants);
        return (id, json, why);
    }

    /// <summary>
    /// The JSON for what <paramref name="value"/> (the flag's configuration) was read as, or why it has none;
    /// <paramref name="variants"/> is the value of its <c>FeatureManagementVariants</c>, or null.
    /// </summary>
    private static (string? Json, string? NotConverted) FromSpec(FlagSpec spec, JsonNode value, string? variants = null)
    {
        if (!spec.Enabled)
        {
            // Off, whatever its conditions say; its variants still serve the default when disabled.
            return (variants is null ? "false" : JsonObject(["\"Enabled\": false", $"\"{FeatureManagementVariants.Property}\": " + variants]), null);
        }

        if (spec.Schedule is null && spec.FeatureManagementTargeting is null && variants is null)
        {
            return ("true", null);
        }

        // A time written without an offset is the machine's local time to Microsoft.FeatureManagement: it has no fixed
        // instant to write down.
        if (LocalTimes(value).FirstOrDefault() is { } local)
        {
            return (null, $"its time window gives {local} without an offset, which each machine reads in its own time zone; add the offset, then migrate");
        }

        var properties = new List<string>();
        if (spec.Schedule is { } schedule)
        {
            properties.Add("\"Schedule\": " + Schedule(schedule));
        }

        if (spec.FeatureManagementTargeting is { } targeting)
        {
            properties.Add($"\"{FeatureManagementRules.TargetingProperty}\": " + Audience(targeting));
        }

        if (variants is not null)
        {
            properties.Add($"\"{FeatureManagementVariants.Property}\": " + variants);
        }

        return (JsonObject(properties), null);
    }

    private static string Audience(FeatureManagementTargetingSpec targeting)
    {
        var parts = new List<string>();
        if (targeting.Users.Length > 0)
        {
            parts.Add("\"Users\": " + Strings(targeting.Users));
        }

        if (targeting.Groups.Length > 0)
        {
            parts.Add("\"Groups\": [" + string.Join(", ", targeting.Groups.Select(g => $"{{ \"Name\": {System.Text.Json.JsonSerializer.Serialize(g.Name)}, \"RolloutPercentage\": {Number(g.Rollout)} }}")) + "]");
        }

        if (targeting.DefaultRollout > 0)
        {
            parts.Add("\"DefaultRolloutPercentage\": " + Number(targeting.DefaultRollout));
        }

        if (targeting.ExcludedUsers.Length > 0 || targeting.ExcludedGroups.Length > 0)
        {
            var excluded = new List<string>();
            if (targeting.ExcludedUsers.Length > 0)
            {
                excluded.Add("\"Users\": " + Strings(targeting.ExcludedUsers));
            }

            if (targeting.ExcludedGroups.Length > 0)
            {
                excluded.Add("\"Groups\": " + Strings(targeting.ExcludedGroups));
            }

            parts.Add("\"Exclusion\": " + JsonObject(excluded));
        }

        return JsonObject(parts);
    }

    /// <summary>An object of the given <c>"name": value</c> members, on one line, as a person writes a short one.</summary>
    private static string JsonObject(IEnumerable<string> members) => "{ " + string.Join(", ", members) + " }";

    private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(v => System.Text.Json.JsonSerializer.Serialize(v))) + "]";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Schedule(ScheduleSpec schedule)
    {
        var parts = new List<string>();
        if (schedule.From is { } from)
        {
            parts.Add($"\"From\": \"{ScheduleRules.Text(from)}\"");
        }

        if (schedule.Until is { } until)
        {
            parts.Add($"\"Until\": \"{ScheduleRules.Text(until)}\"");
        }

        if (schedule.Recurrence is { } recurrence)
        {
            var fields = new List<string> { $"\"Pattern\": \"{(recurrence.Weekly ? "Weekly" : "Daily")}\"" };
            if (recurrence.Interval != 1)
            {
                fields.Add("\"Interval\": " + recurrence.Interval.ToString(CultureInfo.InvariantCulture));
            }

            if (recurrence.Weekly)
            {
                fields.Add("\"Days\": [" + string.Join(", ", recurrence.Days.Select(d => $"\"{d}\"")) + "]");
            }

            if (recurrence.FirstDayOfWeek != DayOfWeek.Sunday)
            {
                fields.Add($"\"FirstDayOfWeek\": \"{recurrence.FirstDayOfWeek}\"");
            }

            if (recurrence.UntilInstant is { } end)
            {
                fields.Add($"\"Until\": \"{ScheduleRules.Text(end)}\"");
            }

            if (recurrence.Occurrences is { } count)
            {
                fields.Add("\"Occurrences\": " + count.ToString(CultureInfo.InvariantCulture));
            }

            parts.Add("\"Recurrence\": " + JsonObject(fields));
        }

        return JsonObject(parts);
    }

    /// <summary>The time window's times that carry no offset (<c>Start</c>, <c>End</c>, a recurrence's <c>EndDate</c>).</summary>
    private static IEnumerable<string> LocalTimes(JsonNode node)
    {
        foreach (var property in node.Properties)
        {
            if (property.Value.Kind == JsonKind.String
                && (FeatureManagementRules.Is(property.Name, "Start") || FeatureManagementRules.Is(property.Name, "End") || FeatureManagementRules.Is(property.Name, "EndDate"))
                && property.Value.Text is { } text
                && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                && parsed.Kind == DateTimeKind.Unspecified)
            {
                yield return $"{property.Name} '{text}'";
            }

            foreach (var nested in LocalTimes(property.Value))
            {
                yield return nested;
            }
        }

        foreach (var item in node.Items)
        {
            foreach (var nested in LocalTimes(item))
            {
                yield return nested;
            }
        }
    }
}
