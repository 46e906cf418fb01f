namespace FeatureFlags.Tests.Scheduling;

/// <summary>Daily and weekly recurrences: intervals, ends, fixed offsets, and named zones across daylight-saving changes.</summary>
public sealed class RecurrenceTests
{
    [Theory]
    [InlineData("2026-12-03T07:59:59Z", false)]
    [InlineData("2026-12-03T08:00:00Z", true)]
    [InlineData("2026-12-03T15:59:59Z", true)]
    [InlineData("2026-12-03T16:00:00Z", false)]
    [InlineData("2026-11-30T08:00:00Z", false)]
    public void IsEnabled_Daily_OnInEachDaysWindow(string now, bool expected)
    {
        IsEnabled(Window("2026-12-01T09:00:00+01:00", "2026-12-01T17:00:00+01:00", """{ "Pattern": "Daily" }"""), now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-12-02T10:00:00+01:00", false)]
    [InlineData("2026-12-03T10:00:00+01:00", true)]
    [InlineData("2026-12-04T10:00:00+01:00", false)]
    [InlineData("2026-12-05T10:00:00+01:00", true)]
    public void IsEnabled_DailyEveryTwoDays_SkipsTheDaysBetween(string now, bool expected)
    {
        IsEnabled(Window("2026-12-01T09:00:00+01:00", "2026-12-01T17:00:00+01:00", """{ "Pattern": "Daily", "Interval": 2 }"""), now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{ "Pattern": "Daily", "Occurrences": 3 }""", "2026-12-03T10:00:00+01:00", true)]
    [InlineData("""{ "Pattern": "Daily", "Occurrences": 3 }""", "2026-12-04T10:00:00+01:00", false)]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-12-03" }""", "2026-12-03T16:59:59+01:00", true)]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-12-03" }""", "2026-12-04T10:00:00+01:00", false)]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-12-03T09:00:00+01:00" }""", "2026-12-03T10:00:00+01:00", true)]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-12-03T08:59:59+01:00" }""", "2026-12-03T10:00:00+01:00", false)]
    [InlineData("""{ "Pattern": "Weekly", "Days": ["Tuesday", "Thursday"], "Occurrences": 3 }""", "2026-12-08T10:00:00+01:00", true)]
    [InlineData("""{ "Pattern": "Weekly", "Days": ["Tuesday", "Thursday"], "Occurrences": 3 }""", "2026-12-10T10:00:00+01:00", false)]
    public void IsEnabled_RecurrenceEnd_NoWindowAfterIt(string recurrence, string now, bool expected)
    {
        IsEnabled(Window("2026-12-01T09:00:00+01:00", "2026-12-01T17:00:00+01:00", recurrence), now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00+01:00", true)]
    [InlineData("2026-12-02T10:00:00+01:00", false)]
    [InlineData("2026-12-03T10:00:00+01:00", true)]
    [InlineData("2026-12-08T10:00:00+01:00", false)]
    [InlineData("2026-12-10T10:00:00+01:00", false)]
    [InlineData("2026-12-15T10:00:00+01:00", true)]
    [InlineData("2026-12-17T10:00:00+01:00", true)]
    public void IsEnabled_WeeklyEveryTwoWeeks_OnlyInCountedWeeks(string now, bool expected)
    {
        // 2026-12-01 is a Tuesday; weeks start on Monday, and every other one counts.
        var flag = Window("2026-12-01T09:00:00+01:00", "2026-12-01T17:00:00+01:00", """{ "Pattern": "Weekly", "Interval": 2, "Days": ["Tuesday", "Thursday"], "FirstDayOfWeek": "Monday" }""");

        IsEnabled(flag, now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-30T06:59:59Z", false)]
    [InlineData("2026-03-30T07:00:00Z", true)]
    [InlineData("2026-03-30T14:59:59Z", true)]
    [InlineData("2026-03-30T15:00:00Z", false)]
    public void IsEnabled_NamedZoneAfterSpringForward_KeepsLocalTime(string now, bool expected)
    {
        // 09:00 in Amsterdam is 08:00Z in winter and 07:00Z from 29 March 2026 on.
        var flag = Window("2026-03-23T09:00:00+01:00", "2026-03-23T17:00:00+01:00", """{ "Pattern": "Weekly", "Days": ["Monday"], "TimeZone": "Europe/Amsterdam" }""");

        IsEnabled(flag, now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-30T07:59:59Z", false)]
    [InlineData("2026-03-30T08:00:00Z", true)]
    public void IsEnabled_NoTimeZone_KeepsFromsOffset(string now, bool expected)
    {
        // Without a TimeZone the window stays at From's offset (+01:00), as Microsoft.FeatureManagement counts: 10:00 local in summer.
        var flag = Window("2026-03-23T09:00:00+01:00", "2026-03-23T17:00:00+01:00", """{ "Pattern": "Weekly", "Days": ["Monday"] }""");

        IsEnabled(flag, now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-03-29T01:29:59Z", false)]
    [InlineData("2026-03-29T01:30:00Z", true)]
    [InlineData("2026-03-29T02:29:59Z", true)]
    [InlineData("2026-03-29T02:30:00Z", false)]
    [InlineData("2026-03-30T00:30:00Z", true)]
    public void IsEnabled_StartInSpringForwardGap_MovesForwardByTheGap(string now, bool expected)
    {
        // 02:30 does not exist in Amsterdam on 29 March 2026: that day's window starts at 03:30 CEST (01:30Z).
        var flag = Window("2026-03-27T02:30:00+01:00", "2026-03-27T03:30:00+01:00", """{ "Pattern": "Daily", "TimeZone": "Europe/Amsterdam" }""");

        IsEnabled(flag, now).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-10-25T00:29:59Z", false)]
    [InlineData("2026-10-25T00:30:00Z", true)]
    [InlineData("2026-10-25T00:59:59Z", true)]
    [InlineData("2026-10-25T01:30:00Z", false)]
    public void IsEnabled_StartInFallBackOverlap_TakesTheFirstInstant(string now, bool expected)
    {
        // 02:30 happens twice in Amsterdam on 25 October 2026 (00:30Z and 01:30Z): the window opens at the first.
        var flag = Window("2026-10-20T02:30:00+02:00", "2026-10-20T03:00:00+02:00", """{ "Pattern": "Daily", "TimeZone": "Europe/Amsterdam" }""");

        IsEnabled(flag, now).ShouldBe(expected);
    }

    [Fact]
    public void IsEnabled_ManyInstantsInOrderAndBack_SameAnswersAsFreshSnapshots()
    {
        // The compiled schedule caches the span it last answered for; moving back and forth must not change answers.
        var flag = Window("2026-12-01T09:00:00+01:00", "2026-12-01T17:00:00+01:00", """{ "Pattern": "Weekly", "Days": ["Tuesday", "Friday"] }""");
        var host = new ScheduleHost(flag, DateTimeOffset.UnixEpoch);
        var start = DateTimeOffset.Parse("2026-11-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var expected = new List<bool>();
        for (var hour = 0; hour < 24 * 14; hour++)
        {
            var local = start.AddHours(hour).ToOffset(TimeSpan.FromHours(1));
            expected.Add(local.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Friday && local.Hour is >= 9 and < 17);
        }

        foreach (var hour in Enumerable.Range(0, expected.Count).Concat(Enumerable.Range(0, expected.Count).Reverse()))
        {
            host.At(start.AddHours(hour).ToString("O", System.Globalization.CultureInfo.InvariantCulture)).IsEnabled("F").ShouldBe(expected[hour], $"hour {hour}");
        }
    }

    private static string Window(string from, string until, string recurrence) =>
        $$"""{ "F": { "Schedule": { "From": "{{from}}", "Until": "{{until}}", "Recurrence": {{recurrence}} } } }""";

    private static bool IsEnabled(string flags, string now) => new ScheduleHost(flags, DateTimeOffset.UnixEpoch).At(now).IsEnabled("F");
}
