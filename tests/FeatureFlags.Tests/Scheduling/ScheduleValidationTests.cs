namespace FeatureFlags.Tests.Scheduling;

/// <summary>A bad schedule stops start-up with its path and what is wrong.</summary>
public sealed class ScheduleValidationTests
{
    [Theory]
    [InlineData("""{ "From": "2026-12-02T00:00:00Z", "Until": "2026-12-01T00:00:00Z" }""", "FeatureFlags:F:Schedule:Until: (2026-12-01T00:00:00Z) must be after From (2026-12-02T00:00:00Z)")]
    [InlineData("""{ "From": "2026-12-01T00:00:00Z", "Until": "2026-12-01T00:00:00Z" }""", "FeatureFlags:F:Schedule:Until: (2026-12-01T00:00:00Z) must be after From")]
    [InlineData("""{ "From": "01/12/2026" }""", "FeatureFlags:F:Schedule:From: '01/12/2026' is not an ISO 8601 date and time with an offset or Z")]
    [InlineData("""{ "From": "2026-12-01T09:00:00" }""", "FeatureFlags:F:Schedule:From: '2026-12-01T09:00:00' is not an ISO 8601 date and time with an offset or Z")]
    [InlineData("""{ "Until": "2026-02-30" }""", "FeatureFlags:F:Schedule:Until: '2026-02-30' is not an ISO 8601")]
    [InlineData("""{ }""", "FeatureFlags:F:Schedule: must be an object with From, Until")]
    [InlineData("""{ "Start": "2026-12-01T00:00:00Z" }""", "FeatureFlags:F:Schedule:Start: unknown property 'Start'")]
    [InlineData("\"2026-12-01\"", "FeatureFlags:F:Schedule: must be an object with From, Until")]
    public void Build_BadWindow_ErrorNamesThePath(string schedule, string expected)
    {
        ProblemsOf(schedule).ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", ProblemsOf(schedule)));
    }

    [Theory]
    [InlineData("""{ "Pattern": "Weekly" }""", "FeatureFlags:F:Schedule:Recurrence: a Weekly pattern needs Days")]
    [InlineData("""{ "Pattern": "Weekly", "Days": [] }""", "FeatureFlags:F:Schedule:Recurrence:Days: is empty")]
    [InlineData("""{ "Pattern": "Weekly", "Days": ["Tuesday", "Moonday"] }""", "FeatureFlags:F:Schedule:Recurrence:Days:1: unknown day 'Moonday' (did you mean 'Monday'?)")]
    [InlineData("""{ "Pattern": "Weekly", "Days": ["Monday"] }""", "FeatureFlags:F:Schedule:Recurrence:Days: do not include Tuesday, the day of From")]
    [InlineData("""{ "Pattern": "Daily", "Days": ["Tuesday"] }""", "FeatureFlags:F:Schedule:Recurrence:Days: is for a Weekly pattern")]
    [InlineData("""{ "Pattern": "Hourly" }""", "FeatureFlags:F:Schedule:Recurrence:Pattern: unknown pattern 'Hourly'")]
    [InlineData("""{ "Days": ["Tuesday"] }""", "FeatureFlags:F:Schedule:Recurrence: needs a Pattern")]
    [InlineData("""{ "Pattern": "Daily", "Interval": 0 }""", "FeatureFlags:F:Schedule:Recurrence:Interval: '0' is not a whole number of at least 1")]
    [InlineData("""{ "Pattern": "Daily", "TimeZone": "Europe/Amsterdamm" }""", "FeatureFlags:F:Schedule:Recurrence:TimeZone: 'Europe/Amsterdamm' is not a time zone this machine knows")]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-11-30" }""", "FeatureFlags:F:Schedule:Recurrence:Until: (2026-11-30) is before From")]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-13-01" }""", "FeatureFlags:F:Schedule:Recurrence:Until: '2026-13-01' is not a date (yyyy-MM-dd)")]
    [InlineData("""{ "Pattern": "Daily", "Until": "2026-12-31", "Occurrences": 3 }""", "FeatureFlags:F:Schedule:Recurrence: gives both Until and Occurrences")]
    [InlineData("""{ "Pattern": "Daily", "Occurrences": -1 }""", "FeatureFlags:F:Schedule:Recurrence:Occurrences: '-1' is not a whole number of at least 1")]
    [InlineData("""{ "Pattern": "Weekly", "Days": ["Tuesday", "Wednesday"], "Every": 2 }""", "FeatureFlags:F:Schedule:Recurrence:Every: unknown property 'Every'")]
    public void Build_BadRecurrence_ErrorNamesThePath(string recurrence, string expected)
    {
        var schedule = $$"""{ "From": "2026-12-01T09:00:00+01:00", "Until": "2026-12-01T17:00:00+01:00", "Recurrence": {{recurrence}} }""";

        ProblemsOf(schedule).ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", ProblemsOf(schedule)));
    }

    [Theory]
    [InlineData("""{ "From": "2026-12-01T09:00:00Z", "Until": "2026-12-02T10:00:00Z", "Recurrence": { "Pattern": "Daily" } }""")]
    [InlineData("""{ "From": "2026-12-01T09:00:00Z", "Until": "2026-12-02T10:00:00Z", "Recurrence": { "Pattern": "Weekly", "Days": ["Tuesday", "Wednesday"] } }""")]
    public void Build_WindowLongerThanItsRepeat_IsAnError(string schedule)
    {
        ProblemsOf(schedule).ShouldContain(p => p.StartsWith("FeatureFlags:F:Schedule:Recurrence: repeats more often than its window lasts: From to Until is 1.01:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RecurrenceWithoutUntil_IsAnError()
    {
        ProblemsOf("""{ "From": "2026-12-01T09:00:00Z", "Recurrence": { "Pattern": "Daily" } }""")
            .ShouldContain(p => p.StartsWith("FeatureFlags:F:Schedule:Recurrence: needs both From and Until", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ValidRecurrence_Starts()
    {
        var schedule = """{ "From": "2026-12-01T09:00:00+01:00", "Until": "2026-12-01T17:00:00+01:00", "Recurrence": { "Pattern": "weekly", "Days": ["tuesday"], "Interval": 2, "TimeZone": "Europe/Amsterdam", "Occurrences": 10 } }""";

        new ScheduleHost($$"""{ "F": { "Schedule": {{schedule}} } }""", DateTimeOffset.Parse("2026-12-01T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture))
            .Snapshot().IsEnabled("F").ShouldBeTrue();
    }

    private static IReadOnlyList<string> ProblemsOf(string schedule) => ScheduleHost.Problems($$"""{ "F": { "Schedule": {{schedule}} } }""");
}
