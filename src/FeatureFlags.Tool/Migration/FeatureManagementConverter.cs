using System.Globalization;
using System.Text;
using FeatureFlags.Analyzers.Json;
using FeatureFlags.Validation;

namespace FeatureFlags.Tool.Migration;

/// <summary>
/// Converts one flag of Microsoft.FeatureManagement's .NET schema into this library's schema, only when the converted
/// flag answers every user at every instant as the original does: it is read with the same rules the runtime uses
/// (<see cref="FeatureManagementRules"/>), and written back only when what it means has an exact form here.
/// </summary>
/// <remarks>
/// On, off, <c>AlwaysOn</c> and time windows (with their recurrences) convert. Targeting and the percentage filter do
/// not: they bucket users with Microsoft.FeatureManagement's SHA-256 and compare names case-sensitively, which this
/// library's schema does not express; such flags stay where they are, read by <c>AddMicrosoftFeatureManagementFlags()</c>.
/// </remarks>
internal static class FeatureManagementConverter
{
    /// <summary>Converts the flag <paramref name="name"/>; the JSON to write under <c>FeatureFlags</c>, or why not.</summary>
    public static (string? Json, string? NotConverted) Convert(string name, JsonNode value)
    {
        var problems = new List<FlagProblem>();
        var spec = FeatureManagementRules.Parse(FeatureManagementRules.SectionName + ":" + name, name, Analyzers.Json.AppSettingsChecker.ToFlagNode(value), problems);
        if (spec is null)
        {
            return (null, "invalid: " + string.Join("; ", problems));
        }

        if (spec.FeatureManagementTargeting is not null)
        {
            return (null, "uses Microsoft.FeatureManagement's targeting or percentage filter, whose SHA-256 buckets and case-sensitive names this library's schema cannot express; it stays in FeatureManagement, read by AddMicrosoftFeatureManagementFlags()");
        }

        if (!spec.Enabled)
        {
            return ("false", null);
        }

        if (spec.Schedule is not { } schedule)
        {
            return ("true", null);
        }

        // A time written without an offset is the machine's local time to Microsoft.FeatureManagement: it has no fixed
        // instant to write down.
        if (LocalTimes(value).FirstOrDefault() is { } local)
        {
            return (null, $"its time window gives {local} without an offset, which each machine reads in its own time zone; add the offset, then migrate");
        }

        return ("{ \"Schedule\": " + Schedule(schedule) + " }", null);
    }

    private static string Schedule(ScheduleSpec schedule)
    {
        var json = new StringBuilder("{ ");
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

            parts.Add("\"Recurrence\": { " + string.Join(", ", fields) + " }");
        }

        return json.Append(string.Join(", ", parts)).Append(" }").ToString();
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
