// Shared with the analyzers (netstandard2.0): keep to APIs that exist there. The one source of the schedule rules:
// the runtime validates a flag's Schedule with it, and FF0006 reports with it.
using System.Globalization;

namespace FeatureFlags.Validation;

/// <summary>Validates a flag's <c>Schedule</c> and turns it into a <see cref="ScheduleSpec"/>.</summary>
internal static class ScheduleRules
{
    public const string ScheduleProperty = "Schedule";
    public const string FromProperty = "From";
    public const string UntilProperty = "Until";
    public const string RecurrenceProperty = "Recurrence";
    public const string PatternProperty = "Pattern";
    public const string IntervalProperty = "Interval";
    public const string DaysProperty = "Days";
    public const string FirstDayOfWeekProperty = "FirstDayOfWeek";
    public const string TimeZoneProperty = "TimeZone";
    public const string OccurrencesProperty = "Occurrences";
    public const string Daily = "Daily";
    public const string Weekly = "Weekly";

    private const string TimestampExample = "an ISO 8601 date and time with an offset or Z, such as 2026-12-01T09:00:00+01:00";
    private static readonly string[] ScheduleProperties = { FromProperty, UntilProperty, RecurrenceProperty };
    private static readonly string[] RecurrenceProperties = { PatternProperty, IntervalProperty, DaysProperty, FirstDayOfWeekProperty, TimeZoneProperty, UntilProperty, OccurrencesProperty };
    internal static readonly string[] Patterns = { Daily, Weekly };
    internal static readonly string[] DayNames = Enum.GetNames(typeof(DayOfWeek));

    /// <summary>
    /// Validates <paramref name="node"/>, the <c>Schedule</c> at <paramref name="path"/>. Every problem is added to
    /// <paramref name="problems"/>; the result is null when there was any.
    /// </summary>
    public static ScheduleSpec? Parse(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren || FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be an object with From, Until and optionally Recurrence, such as { \"From\": \"2026-11-27T00:00:00+01:00\", \"Until\": \"2026-11-30T00:00:00+01:00\" }", node.Origin));
            return null;
        }

        var before = problems.Count;
        DateTimeOffset? from = null, until = null;
        FlagNode? recurrenceNode = null;
        string? recurrencePath = null;
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            switch (AudienceRules.Canonical(property.Key, ScheduleProperties))
            {
                case FromProperty:
                    from = Timestamp(propertyPath, property.Value, problems);
                    break;
                case UntilProperty:
                    until = Timestamp(propertyPath, property.Value, problems);
                    break;
                case RecurrenceProperty:
                    (recurrencePath, recurrenceNode) = (propertyPath, property.Value);
                    break;
                default:
                    problems.Add(new FlagProblem(propertyPath, AudienceRules.UnknownMessage("property", property.Key, ScheduleProperties), property.Value.Origin));
                    break;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        if (from == null && until == null)
        {
            problems.Add(new FlagProblem(path, "needs From, Until or both: a schedule without either is never on and never off", node.Origin));
            return null;
        }

        if (from != null && until != null && until.Value <= from.Value)
        {
            problems.Add(new FlagProblem(path + ":" + UntilProperty, "(" + Text(until.Value) + ") must be after From (" + Text(from.Value) + ")", node.Origin));
            return null;
        }

        RecurrenceSpec? recurrence = null;
        if (recurrenceNode != null)
        {
            if (from == null || until == null)
            {
                problems.Add(new FlagProblem(recurrencePath!, "needs both From and Until: they are the first window, which the recurrence repeats", recurrenceNode.Origin));
                return null;
            }

            recurrence = ParseRecurrence(recurrencePath!, recurrenceNode, from.Value, until.Value, problems);
            if (recurrence == null)
            {
                return null;
            }
        }

        return new ScheduleSpec(from, until, recurrence, node.Origin);
    }

    /// <summary>An instant as messages and descriptions write it: ISO 8601 with its offset.</summary>
    public static string Text(DateTimeOffset value) =>
        value.ToString(value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Finds a time zone by its IANA or Windows id, as the operating system knows it; null when unknown.</summary>
    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>The zone of a schedule without a <c>TimeZone</c>: <c>From</c>'s offset, fixed, as Microsoft.FeatureManagement counts.</summary>
    public static TimeZoneInfo FixedZone(TimeSpan offset)
    {
        var id = offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);
        return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
    }

    private static RecurrenceSpec? ParseRecurrence(string path, FlagNode node, DateTimeOffset from, DateTimeOffset until, ICollection<FlagProblem> problems)
    {
        if (!node.HasChildren || FlagRules.AllListIndexes(node))
        {
            problems.Add(new FlagProblem(path, "must be an object with Pattern (Daily or Weekly) and optionally Interval, Days, FirstDayOfWeek, TimeZone, Until or Occurrences", node.Origin));
            return null;
        }

        var before = problems.Count;
        string? pattern = null;
        var interval = 1;
        DayOfWeek[]? days = null;
        var firstDay = DayOfWeek.Sunday;
        TimeZoneInfo? zone = null;
        string? zoneId = null;
        DateTime? untilDate = null;
        DateTimeOffset? untilInstant = null;
        int? occurrences = null;
        FlagNode? endNode = null;
        foreach (var property in node.Children)
        {
            var propertyPath = path + ":" + property.Key;
            var child = property.Value;
            switch (AudienceRules.Canonical(property.Key, RecurrenceProperties))
            {
                case PatternProperty:
                    pattern = Choice(propertyPath, child, Patterns, "pattern", problems);
                    break;
                case IntervalProperty:
                    interval = PositiveInteger(propertyPath, child, problems) ?? 1;
                    break;
                case DaysProperty:
                    days = ParseDays(propertyPath, child, problems);
                    break;
                case FirstDayOfWeekProperty:
                    firstDay = ParseDay(propertyPath, child, problems) ?? firstDay;
                    break;
                case TimeZoneProperty:
                    if (AudienceRules.Scalar(propertyPath, child, "a time zone id, such as Europe/Amsterdam", problems))
                    {
                        zoneId = child.Value!.Trim();
                        zone = FindZone(zoneId);
                        if (zone == null)
                        {
                            problems.Add(new FlagProblem(propertyPath, FlagRules.Quote(zoneId) + " is not a time zone this machine knows: use an IANA id such as Europe/Amsterdam", child.Origin));
                        }
                    }

                    break;
                case UntilProperty:
                    endNode = child;
                    DateTime date;
                    DateTimeOffset instant;
                    if (!AudienceRules.Scalar(propertyPath, child, "a date (yyyy-MM-dd) or " + TimestampExample, problems))
                    {
                        break;
                    }

                    if (IsoDate.TryParse(child.Value!.Trim(), out date))
                    {
                        untilDate = date;
                    }
                    else if (IsoTimestamp.TryParse(child.Value, out instant))
                    {
                        untilInstant = instant;
                    }
                    else
                    {
                        problems.Add(new FlagProblem(propertyPath, FlagRules.Quote(child.Value!) + " is not a date (yyyy-MM-dd) or " + TimestampExample, child.Origin));
                    }

                    break;
                case OccurrencesProperty:
                    occurrences = PositiveInteger(propertyPath, child, problems);
                    break;
                default:
                    problems.Add(new FlagProblem(propertyPath, AudienceRules.UnknownMessage("property", property.Key, RecurrenceProperties), child.Origin));
                    break;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var weekly = pattern == Weekly;
        zone = zone ?? FixedZone(from.Offset);
        var localFrom = TimeZoneInfo.ConvertTime(from, zone);
        var duration = until - from;
        if (pattern == null)
        {
            problems.Add(new FlagProblem(path, "needs a Pattern: Daily or Weekly", node.Origin));
        }
        else if (weekly && days == null)
        {
            problems.Add(new FlagProblem(path, "a Weekly pattern needs Days, such as [\"Monday\", \"Friday\"]", node.Origin));
        }
        else if (!weekly && days != null)
        {
            problems.Add(new FlagProblem(path + ":" + DaysProperty, "is for a Weekly pattern; a Daily one occurs every Interval days", node.Origin));
        }
        else if (weekly && Array.IndexOf(days!, localFrom.DayOfWeek) < 0)
        {
            problems.Add(new FlagProblem(path + ":" + DaysProperty, "do not include " + localFrom.DayOfWeek + ", the day of From (" + Text(from) + "): the first window must be an occurrence", node.Origin));
        }
        else if (duration > ShortestGap(weekly, interval, days, firstDay))
        {
            problems.Add(new FlagProblem(path, "repeats more often than its window lasts: From to Until is " + duration.ToString("c", CultureInfo.InvariantCulture) + ", longer than the " + ShortestGap(weekly, interval, days, firstDay).TotalDays.ToString(CultureInfo.InvariantCulture) + " day(s) between two occurrences", node.Origin));
        }

        if (untilDate != null && occurrences != null)
        {
            problems.Add(new FlagProblem(path, "gives both Until and Occurrences: end the recurrence one way", node.Origin));
        }
        else if ((untilDate != null && untilDate.Value < localFrom.Date) || (untilInstant != null && untilInstant.Value < from))
        {
            problems.Add(new FlagProblem(path + ":" + UntilProperty, "(" + endNode!.Value!.Trim() + ") is before From (" + Text(from) + "): the recurrence would end before it starts", endNode.Origin));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new RecurrenceSpec(weekly, interval, SortDays(days, firstDay), firstDay, zone, zoneId, untilDate, untilInstant, occurrences);
    }

    /// <summary>The days once each, in the order a week starting on <paramref name="firstDay"/> meets them; none for null.</summary>
    internal static DayOfWeek[] SortDays(IEnumerable<DayOfWeek>? days, DayOfWeek firstDay) =>
        days == null ? new DayOfWeek[0] : days.Distinct().OrderBy(d => DaysAfter(firstDay, d)).ToArray();

    /// <summary>How many days <paramref name="day"/> comes after <paramref name="first"/> in a week, 0 to 6.</summary>
    public static int DaysAfter(DayOfWeek first, DayOfWeek day) => ((int)day - (int)first + 7) % 7;

    /// <summary>The shortest time between the starts of two occurrences: the longest a window may last.</summary>
    internal static TimeSpan ShortestGap(bool weekly, int interval, DayOfWeek[]? days, DayOfWeek firstDay)
    {
        if (!weekly)
        {
            return TimeSpan.FromDays(interval);
        }

        var offsets = days!.Select(d => DaysAfter(firstDay, d)).Distinct().OrderBy(o => o).ToArray();
        var gap = interval * 7 - offsets[offsets.Length - 1] + offsets[0];
        for (var i = 1; i < offsets.Length; i++)
        {
            gap = Math.Min(gap, offsets[i] - offsets[i - 1]);
        }

        return TimeSpan.FromDays(gap);
    }

    private static DateTimeOffset? Timestamp(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!AudienceRules.Scalar(path, node, TimestampExample, problems))
        {
            return null;
        }

        DateTimeOffset value;
        if (IsoTimestamp.TryParse(node.Value, out value))
        {
            return value;
        }

        problems.Add(new FlagProblem(path, FlagRules.Quote(node.Value!) + " is not " + TimestampExample + " (a date alone means midnight UTC)", node.Origin));
        return null;
    }

    /// <summary>One of <paramref name="choices"/>, ignoring case, as written there; null, with a problem added, otherwise.</summary>
    internal static string? Choice(string path, FlagNode node, string[] choices, string what, ICollection<FlagProblem> problems)
    {
        if (!AudienceRules.Scalar(path, node, "one of " + string.Join(", ", choices), problems))
        {
            return null;
        }

        var canonical = AudienceRules.Canonical(node.Value!.Trim(), choices);
        if (canonical == null)
        {
            problems.Add(new FlagProblem(path, AudienceRules.UnknownMessage(what, node.Value!.Trim(), choices), node.Origin));
        }

        return canonical;
    }

    /// <summary>A whole number of at least 1; null, with a problem added, otherwise.</summary>
    internal static int? PositiveInteger(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        int value;
        if (!AudienceRules.Scalar(path, node, "a whole number of at least 1", problems))
        {
            return null;
        }

        if (!int.TryParse(node.Value!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < 1)
        {
            problems.Add(new FlagProblem(path, FlagRules.Quote(node.Value!) + " is not a whole number of at least 1", node.Origin));
            return null;
        }

        return value;
    }

    /// <summary>A non-empty list of day names; null, with a problem added, otherwise.</summary>
    internal static DayOfWeek[]? ParseDays(string path, FlagNode node, ICollection<FlagProblem> problems)
    {
        if (!AudienceRules.IsNonEmptyList(path, node, "a list of days, such as [\"Monday\", \"Friday\"]", problems))
        {
            return null;
        }

        var days = new List<DayOfWeek>();
        foreach (var item in node.Children)
        {
            var day = ParseDay(path + ":" + item.Key, item.Value, problems);
            if (day != null)
            {
                days.Add(day.Value);
            }
        }

        return days.ToArray();
    }

    /// <summary>A day's name, ignoring case; null, with a problem added, otherwise.</summary>
    internal static DayOfWeek? ParseDay(string path, FlagNode node, ICollection<FlagProblem> problems) =>
        Choice(path, node, DayNames, "day", problems) is { } day ? (DayOfWeek)Array.IndexOf(DayNames, day) : null;
}
