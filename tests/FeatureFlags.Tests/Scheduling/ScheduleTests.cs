namespace FeatureFlags.Tests.Scheduling;

/// <summary>One-off windows and their edges, the clock read once per snapshot, and what Explain says.</summary>
public sealed class ScheduleTests
{
    private const string Sale = """{ "Sale": { "Schedule": { "From": "2026-11-27T00:00:00+01:00", "Until": "2026-11-30T00:00:00+01:00" } } }""";

    [Theory]
    [InlineData("2026-11-26T22:59:59.9999999Z", false)]
    [InlineData("2026-11-26T23:00:00Z", true)]
    [InlineData("2026-11-28T12:00:00+01:00", true)]
    [InlineData("2026-11-29T22:59:59.9999999Z", true)]
    [InlineData("2026-11-29T23:00:00Z", false)]
    public void IsEnabled_WindowEdges_FromInclusiveUntilExclusive(string now, bool expected)
    {
        var host = new ScheduleHost(Sale, DateTimeOffset.UnixEpoch);

        host.At(now).IsEnabled("Sale").ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{ "From": "2026-12-01T00:00:00Z" }""", "2026-11-30T23:59:59Z", false)]
    [InlineData("""{ "From": "2026-12-01T00:00:00Z" }""", "2030-01-01T00:00:00Z", true)]
    [InlineData("""{ "Until": "2026-12-01" }""", "2026-11-30T23:59:59Z", true)]
    [InlineData("""{ "Until": "2026-12-01" }""", "2026-12-01T00:00:00Z", false)]
    public void IsEnabled_OpenEndedWindow_OnFromOrUntil(string schedule, string now, bool expected)
    {
        var host = new ScheduleHost($$"""{ "F": { "Schedule": {{schedule}} } }""", DateTimeOffset.UnixEpoch);

        host.At(now).IsEnabled("F").ShouldBe(expected);
    }

    [Fact]
    public void Snapshot_ClockMovesPastUntil_KeepsItsValue()
    {
        var host = new ScheduleHost(Sale, DateTimeOffset.Parse("2026-11-29T23:59:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        var snapshot = host.Snapshot();

        host.Time.Now += TimeSpan.FromMinutes(2);

        snapshot.IsEnabled("Sale").ShouldBeTrue();
        snapshot.IsEnabled(new FlagKey("Sale")).ShouldBeTrue();
        host.Snapshot().IsEnabled("Sale").ShouldBeFalse();
    }

    [Fact]
    public void Explain_OutsideWindow_SaysScheduleAndItsKey()
    {
        var evaluation = new ScheduleHost(Sale, DateTimeOffset.UnixEpoch).At("2026-12-01T00:00:00Z").Explain("Sale");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.Reason.ShouldBe(EvaluationReason.OutsideSchedule);
        evaluation.DecidingRule.ShouldBe("Schedule");
        evaluation.DecidingSource!.Key.ShouldBe("FeatureFlags:Sale:Schedule");
    }

    [Fact]
    public void Explain_InsideWindowWithTargeting_TargetingDecides()
    {
        var host = new ScheduleHost("""{ "F": { "Users": ["alice"], "Schedule": { "From": "2026-01-01T00:00:00Z" } } }""", DateTimeOffset.Parse("2026-06-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        host.Snapshot(new EvaluationContext("alice")).Explain("F").Reason.ShouldBe(EvaluationReason.TargetedUser);
        host.Snapshot(new EvaluationContext("bob")).Explain("F").Reason.ShouldBe(EvaluationReason.NotTargeted);
    }

    [Fact]
    public void Snapshot_NoScheduledFlag_NeverReadsTheClock()
    {
        var clock = new CountingClock();
        var host = new ScheduleHost("""{ "A": true, "B": { "Rollout": 50 } }""", DateTimeOffset.UnixEpoch, clock);
        var atLoad = clock.Reads; // loading dates the flags in force, for the health check

        host.Snapshot(new EvaluationContext("x")).IsEnabled("B");
        host.Snapshot().IsEnabled("A").ShouldBeTrue();

        (clock.Reads - atLoad).ShouldBe(0);
    }

    [Fact]
    public void Snapshot_ScheduledFlag_ReadsTheClockOncePerSnapshot()
    {
        var clock = new CountingClock();
        var host = new ScheduleHost(Sale, DateTimeOffset.UnixEpoch, clock);
        var atLoad = clock.Reads;

        var snapshot = host.Snapshot();
        snapshot.IsEnabled("Sale");
        snapshot.IsEnabled("Sale");
        snapshot.Explain("Sale");

        (clock.Reads - atLoad).ShouldBe(1);
    }

    private sealed class CountingClock : TimeProvider
    {
        private int _reads;

        public int Reads => _reads;

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref _reads);
            return DateTimeOffset.UnixEpoch;
        }
    }
}
