// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
using System.Globalization;

namespace FeatureFlags.Validation;

/// <summary>
/// Reads Microsoft.FeatureManagement's <c>Microsoft.TimeWindow</c> parameters (<c>Start</c>, <c>End</c>, <c>Recurrence</c>)
/// into a <see cref="ScheduleSpec"/>. Times are parsed as that library's binder parses them (invariant culture; a time
/// without an offset is the machine's local time), and a recurrence counts days in <c>Start</c>'s offset, as it does.
/// </summary>
internal static class FeatureManagementTimeWindow
{
    public static ScheduleSpec? Parse(string path, FlagNode? parameters, FlagOrigin? origin, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        FlagNode? recurrence = null;
        string? recurrencePath = null;
        foreach (var property in parameters?.Children ?? new KeyValuePair<string, FlagNode>[0])
        {
            var propertyPath = path + ":" + property.Key;
            if (Is(property.Key, "Start"))
            {
                start = Instant(propertyPath, property.Value, problems);
            }
            else if (Is(property.Key, "End"))
            {
                end = Instant(propertyPath, property.Value, problems);
            }
            else if (Is(property.Key, "Recurrence"))
            {
                recurrence = property.Value;
                recurrencePath = propertyPath;
            }
            else
            {
                problems.Add(new FlagProblem(propertyPath, "is not a parameter of Microsoft.TimeWindow (use Start, End and Recurrence)", property.Value.Origin));
            }
        }

        if (start is null && end is null && problems.Count == before)
        {
            // That library reads such a window as never open, and warns: here it is an error, not a silent off.
            problems.Add(new FlagProblem(path, "needs Start, End or both", parameters?.Origin ?? origin));
        }

        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add(new FlagProblem(path + ":End", "must be later than Start", origin));
        }

        RecurrenceSpec? recurring = null;
        if (recurrence is not null && problems.Count == before)
        {
            if (start is null || end is null)
            {
                problems.Add(new FlagProblem(recurrencePath!, "needs both Start and End: they are the first occurrence", recurrence.Origin));
                return null;
            }

            recurring = Recurrence(recurrencePath!, recurrence, start.Value, end.Value, problems);
        }

        return problems.Count == before ? new ScheduleSpec(start, end, recurring, parameters?.Origin ?? origin) : null;
    }

    private static readonly string[] RangeTypes = { "NoEnd", "EndDate", "Numbered" };

    private static RecurrenceSpec? Recurrence(string path, FlagNode node, DateTimeOffset start, DateTimeOffset end, ICollection<FlagProblem> problems)
    {
        var before = problems.Count;
        var weekly = false;
        var interval = 1;
        var days = new List<DayOfWeek>();
        var firstDay = DayOfWeek.Sunday;
        DateTimeOffset? endDate = null;
        int? occurrences = null;
        var rangeType = "NoEnd";
        foreach (var part in node.Children)
        {
            var partPath = path + ":" + part.Key;
            if (Is(part.Key, "Pattern"))
            {
                foreach (var property in part.Value.Children)
                {
                    var propertyPath = partPath + ":" + property.Key;
                    if (Is(property.Key, "Type"))
                    {
                        weekly = ScheduleRules.Choice(propertyPath, property.Value, ScheduleRules.Patterns, "pattern", problems) == ScheduleRules.Weekly;
                    }
                    else if (Is(property.Key, "Interval"))
                    {
                        interval = ScheduleRules.PositiveInteger(propertyPath, property.Value, problems) ?? 1;
                    }
                    else if (Is(property.Key, "DaysOfWeek"))
                    {
                        // An empty list is how configuration stores []: no days.
                        if (property.Value.HasChildren || !string.IsNullOrEmpty(property.Value.Value))
                        {
                            days.AddRange(ScheduleRules.ParseDays(propertyPath, property.Value, problems) ?? new DayOfWeek[0]);
                        }
                    }
                    else if (Is(property.Key, "FirstDayOfWeek"))
                    {
                        firstDay = ScheduleRules.ParseDay(propertyPath, property.Value, problems) ?? firstDay;
                    }
                    else
                    {
                        problems.Add(new FlagProblem(propertyPath, "is not a property of a pattern (use Type, Interval, DaysOfWeek and FirstDayOfWeek)", property.Value.Origin));
                    }
                }
            }
            else if (Is(part.Key, "Range"))
            {
                foreach (var property in part.Value.Children)
                {
                    var propertyPath = partPath + ":" + property.Key;
                    if (Is(property.Key, "Type"))
                    {
                        rangeType = ScheduleRules.Choice(propertyPath, property.Value, RangeTypes, "range", problems) ?? rangeType;
                    }
                    else if (Is(property.Key, "EndDate"))
                    {
                        endDate = Instant(propertyPath, property.Value, problems);
                    }
                    else if (Is(property.Key, "NumberOfOccurrences"))
                    {
                        occurrences = ScheduleRules.PositiveInteger(propertyPath, property.Value, problems);
                    }
                    else
                    {
                        problems.Add(new FlagProblem(propertyPath, "is not a property of a range (use Type, EndDate and NumberOfOccurrences)", property.Value.Origin));
                    }
                }
            }
            else
            {
                problems.Add(new FlagProblem(partPath, "is not a property of a recurrence (use Pattern and Range)", part.Value.Origin));
            }
        }

        if (weekly && days.Count == 0)
        {
            problems.Add(new FlagProblem(path + ":Pattern:DaysOfWeek", "is missing: a weekly pattern needs its days", node.Origin));
        }
        else if (weekly && !days.Contains(start.DayOfWeek))
        {
            problems.Add(new FlagProblem(path + ":Pattern:DaysOfWeek", $"does not contain {start.DayOfWeek}, the day of Start: Start must be the first occurrence", node.Origin));
        }

        if (problems.Count == before && end - start > ScheduleRules.ShortestGap(weekly, interval, days.ToArray(), firstDay))
        {
            problems.Add(new FlagProblem(path, "has windows longer than the time between their starts", node.Origin));
        }

        if (Is(rangeType, "EndDate") && endDate is null)
        {
            problems.Add(new FlagProblem(path + ":Range:EndDate", "is missing: an EndDate range needs it", node.Origin));
        }

        if (Is(rangeType, "Numbered") && occurrences is null)
        {
            problems.Add(new FlagProblem(path + ":Range:NumberOfOccurrences", "is missing: a Numbered range needs it", node.Origin));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new RecurrenceSpec(
            weekly,
            interval,
            ScheduleRules.SortDays(weekly ? days : null, firstDay),
            firstDay,
            ScheduleRules.FixedZone(start.Offset),
            null,
            null,
            Is(rangeType, "EndDate") ? endDate : null,
            Is(rangeType, "Numbered") ? occurrences : null);
    }

    private static DateTimeOffset? Instant(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!FlagRules.RequireScalar(path, node, "a date and time", problems))
        {
            return null;
        }

        // As the configuration binder converts it: invariant culture, local time when the text has no offset.
        if (DateTimeOffset.TryParse(node.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        problems.Add(new FlagProblem(path, FlagRules.Quote(node.Value!) + " is not a date and time (use ISO 8601, such as 2026-12-24T00:00:00+01:00, or RFC 1123)", node.Origin));
        return null;
    }

    private static bool Is(string? text, string name) => FeatureManagementRules.Is(text, name);
}
