using FeatureFlags.Validation;

namespace FeatureFlags.Tables;

/// <summary>
/// A flag's <c>Schedule</c>, compiled: whether an instant falls inside a window. A one-off window is two comparisons.
/// A recurrence also answers with two comparisons while the instant stays in the span it last answered for (the current
/// window, or the gap before the next), and works the calendar out again only when the instant leaves it.
/// </summary>
/// <remarks>
/// Occurrences are counted in local days of the recurrence's zone: each starts at <c>From</c>'s local time of day and
/// lasts <c>Until − From</c> of elapsed time. A start that falls in a daylight-saving gap moves forward by the gap
/// (02:30 becomes 03:30); a start that falls in an overlap takes the first of the two instants. Thread-safe: the cached
/// span is an immutable object swapped whole.
/// </remarks>
internal sealed class CompiledSchedule
{
    private readonly long _from;
    private readonly long _until;
    private readonly RecurrenceSpec? _recurrence;
    private readonly long _duration;
    private readonly TimeSpan _startTimeOfDay;
    private readonly long _firstWeekDay;
    private readonly int _cycleDays;
    private readonly int[] _dayOffsets;
    private readonly int _firstIndexShift;
    private Period _cached = new(long.MaxValue, long.MinValue, false);

    public CompiledSchedule(ScheduleSpec spec)
    {
        _from = spec.From?.UtcTicks ?? long.MinValue;
        _until = spec.Until?.UtcTicks ?? long.MaxValue;
        _recurrence = spec.Recurrence;
        if (_recurrence is not { } recurrence)
        {
            _dayOffsets = [];
            return;
        }

        _duration = _until - _from;
        var localFrom = TimeZoneInfo.ConvertTime(spec.From!.Value, recurrence.Zone).DateTime;
        _startTimeOfDay = localFrom.TimeOfDay;
        var firstDay = DayNumber(localFrom);

        // A daily recurrence is a weekly one with one day in a cycle of Interval days.
        if (recurrence.Weekly)
        {
            _firstWeekDay = firstDay - ScheduleRules.DaysAfter(recurrence.FirstDayOfWeek, localFrom.DayOfWeek);
            _cycleDays = 7 * recurrence.Interval;
            _dayOffsets = recurrence.Days.Select(d => ScheduleRules.DaysAfter(recurrence.FirstDayOfWeek, d)).ToArray();
            _firstIndexShift = Array.IndexOf(_dayOffsets, (int)(firstDay - _firstWeekDay));
        }
        else
        {
            _firstWeekDay = firstDay;
            _cycleDays = recurrence.Interval;
            _dayOffsets = [0];
        }
    }

    /// <summary>Whether the flag may be on at <paramref name="utcTicks"/>.</summary>
    public bool IsActive(long utcTicks)
    {
        if (_recurrence is null)
        {
            return utcTicks >= _from && utcTicks < _until;
        }

        var span = _cached;
        return utcTicks >= span.From && utcTicks < span.Until ? span.Active : Refresh(utcTicks);
    }

    private bool Refresh(long utcTicks)
    {
        var span = Locate(utcTicks);
        _cached = span;
        return span.Active;
    }

    /// <summary>The span around <paramref name="utcTicks"/> in which the answer does not change.</summary>
    private Period Locate(long utcTicks)
    {
        if (utcTicks < _from)
        {
            return new Period(long.MinValue, _from, false);
        }

        // The latest occurrence that starts at or before the instant: on its local day or an earlier one.
        var index = LatestIndexOnOrBefore(DayNumber(TimeZoneInfo.ConvertTime(new DateTime(utcTicks, DateTimeKind.Utc), _recurrence!.Zone)));
        var start = StartOf(index);
        if (start > utcTicks)
        {
            index--;
            start = StartOf(index);
        }

        var end = start + _duration;
        if (!IsInRange(index, start))
        {
            // The recurrence has ended before this occurrence: off from here on (the last window ended before it).
            return new Period(start, long.MaxValue, false);
        }

        if (utcTicks < end)
        {
            return new Period(start, end, true);
        }

        var next = StartOf(index + 1);
        return new Period(end, IsInRange(index + 1, next) ? next : long.MaxValue, false);
    }

    private bool IsInRange(long index, long startTicks)
    {
        var recurrence = _recurrence!;
        if (recurrence.Occurrences is { } count)
        {
            return index < count;
        }

        if (recurrence.UntilDate is { } date)
        {
            return DayOf(index) <= DayNumber(date);
        }

        return recurrence.UntilInstant is not { } until || startTicks <= until.UtcTicks;
    }

    /// <summary>The occurrence (0 is the first window) that starts latest on or before local day <paramref name="day"/>.</summary>
    private long LatestIndexOnOrBefore(long day)
    {
        var relative = day - _firstWeekDay;
        var cycle = relative / _cycleDays;
        var dayInCycle = (int)(relative % _cycleDays);
        var position = _dayOffsets.Length - 1;
        while (position >= 0 && _dayOffsets[position] > dayInCycle)
        {
            position--;
        }

        return cycle * _dayOffsets.Length + position - _firstIndexShift;
    }

    private long DayOf(long index)
    {
        var shifted = index + _firstIndexShift;
        return _firstWeekDay + (shifted / _dayOffsets.Length * _cycleDays) + _dayOffsets[shifted % _dayOffsets.Length];
    }

    /// <summary>The instant occurrence <paramref name="index"/> starts: its local day at the first window's local time.</summary>
    private long StartOf(long index)
    {
        var zone = _recurrence!.Zone;
        var local = new DateTime(DayOf(index) * TimeSpan.TicksPerDay, DateTimeKind.Unspecified) + _startTimeOfDay;
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // In a spring-forward gap: the offset before the gap moves the start forward by the gap's length.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // In a fall-back overlap: the larger offset is the earlier instant.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return local.Ticks - offset.Ticks;
    }

    private static long DayNumber(DateTime date) => date.Ticks / TimeSpan.TicksPerDay;

    private static long DayNumber(DateTimeOffset local) => DayNumber(local.DateTime);

    /// <summary>From (inclusive) to until (exclusive), the answer is <see cref="Active"/>.</summary>
    private sealed record Period(long From, long Until, bool Active);
}
