// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// A validated <c>Schedule</c>: the flag is on only from <see cref="From"/> (inclusive) until <see cref="Until"/>
/// (exclusive), and, with a <see cref="Recurrence"/>, again in every later occurrence of that window. Immutable.
/// </summary>
internal sealed class ScheduleSpec
{
    public ScheduleSpec(DateTimeOffset? from, DateTimeOffset? until, RecurrenceSpec? recurrence, FlagOrigin? origin)
    {
        From = from;
        Until = until;
        Recurrence = recurrence;
        Origin = origin;
    }

    /// <summary>The first instant the flag is on; null for "since always" (only without a recurrence).</summary>
    public DateTimeOffset? From { get; }

    /// <summary>The first instant the flag is off again; null for "for ever" (only without a recurrence).</summary>
    public DateTimeOffset? Until { get; }

    public RecurrenceSpec? Recurrence { get; }

    public FlagOrigin? Origin { get; }
}

/// <summary>
/// How a schedule's first window repeats: every <see cref="Interval"/> days, or every <see cref="Interval"/> weeks on
/// <see cref="Days"/>, counted in <see cref="Zone"/>, until an end. Immutable.
/// </summary>
internal sealed class RecurrenceSpec
{
    public RecurrenceSpec(
        bool weekly,
        int interval,
        DayOfWeek[] days,
        DayOfWeek firstDayOfWeek,
        TimeZoneInfo zone,
        string? zoneId,
        DateTime? untilDate,
        DateTimeOffset? untilInstant,
        int? occurrences)
    {
        Weekly = weekly;
        Interval = interval;
        Days = days;
        FirstDayOfWeek = firstDayOfWeek;
        Zone = zone;
        ZoneId = zoneId;
        UntilDate = untilDate;
        UntilInstant = untilInstant;
        Occurrences = occurrences;
    }

    /// <summary>Weekly on <see cref="Days"/>; otherwise daily.</summary>
    public bool Weekly { get; }

    /// <summary>Every how many days (daily) or weeks (weekly); at least 1.</summary>
    public int Interval { get; }

    /// <summary>The days a weekly recurrence occurs on, distinct, in week order from <see cref="FirstDayOfWeek"/>; empty when daily.</summary>
    public DayOfWeek[] Days { get; }

    /// <summary>The day weeks start on, which decides which weeks count when <see cref="Interval"/> is more than 1.</summary>
    public DayOfWeek FirstDayOfWeek { get; }

    /// <summary>The zone occurrences are counted in: the named <c>TimeZone</c>, or a fixed zone at <c>From</c>'s offset.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The configured <c>TimeZone</c>, or null when the zone is <c>From</c>'s offset.</summary>
    public string? ZoneId { get; }

    /// <summary>The last local date (in <see cref="Zone"/>) an occurrence may start on; null unless the end is a date.</summary>
    public DateTime? UntilDate { get; }

    /// <summary>The last instant an occurrence may start at; null unless the end is a date and time.</summary>
    public DateTimeOffset? UntilInstant { get; }

    /// <summary>How many occurrences there are, the first window included; null unless the end is a count.</summary>
    public int? Occurrences { get; }
}
