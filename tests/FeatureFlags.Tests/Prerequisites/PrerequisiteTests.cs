using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Prerequisites;

/// <summary>Flags that require other flags: per context, through chains, on variants and schedules, with what Explain says.</summary>
public sealed class PrerequisiteTests
{
    private static readonly EvaluationContext Alice = new("alice");
    private static readonly EvaluationContext Bob = new("bob");

    [Fact]
    public void IsEnabled_PrerequisiteOn_FlagDecidesItself()
    {
        var snapshot = Snapshot("""{ "Payments": true, "NewCheckout": { "Requires": ["Payments"] } }""");

        snapshot.IsEnabled("NewCheckout").ShouldBeTrue();
    }

    [Fact]
    public void Explain_PrerequisiteOff_NamesItAndItsKey()
    {
        var evaluation = Snapshot("""{ "Payments": false, "NewCheckout": { "Requires": ["Payments"] } }""").Explain("NewCheckout");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.Reason.ShouldBe(EvaluationReason.PrerequisiteOff);
        evaluation.DecidingRule.ShouldBe("Requires:Payments");
        evaluation.DecidingSource!.Key.ShouldBe("FeatureFlags:NewCheckout:Requires:0");
    }

    [Fact]
    public void IsEnabled_TwoLevelChain_FollowsTheContext()
    {
        const string Flags = """
            {
              "Ledger": { "Users": ["alice"] },
              "Payments": { "Requires": ["Ledger"] },
              "NewCheckout": { "Requires": { "Payments": true } }
            }
            """;

        Snapshot(Flags, Alice).IsEnabled("NewCheckout").ShouldBeTrue();
        var bob = Snapshot(Flags, Bob).Explain("NewCheckout");
        bob.IsEnabled.ShouldBeFalse();
        bob.DecidingRule.ShouldBe("Requires:Payments");
        Snapshot(Flags, Bob).Explain("Payments").DecidingRule.ShouldBe("Requires:Ledger");
    }

    [Fact]
    public void IsEnabled_RequiresVariant_OnOnlyForContextsServedIt()
    {
        const string Flags = """
            {
              "CheckoutButton": { "Variants": { "blue": 50, "green": 50 } },
              "GreenBanner": { "Requires": { "CheckoutButton": "green" } }
            }
            """;
        var contexts = Enumerable.Range(0, 200).Select(i => new EvaluationContext("user-" + i)).ToArray();

        foreach (var context in contexts)
        {
            var snapshot = Snapshot(Flags, context);
            snapshot.IsEnabled("GreenBanner").ShouldBe(snapshot.GetVariant("CheckoutButton") == "green");
        }

        contexts.Count(c => Snapshot(Flags, c).IsEnabled("GreenBanner")).ShouldBeInRange(70, 130);
    }

    [Theory]
    [InlineData("false", true)]
    [InlineData("true", false)]
    public void IsEnabled_RequiresOff_OnWhileThePrerequisiteIsOff(string legacy, bool expected)
    {
        Snapshot($$"""{ "LegacyCheckout": {{legacy}}, "NewCheckout": { "Requires": { "LegacyCheckout": false } } }""").IsEnabled("NewCheckout").ShouldBe(expected);
    }

    [Fact]
    public void IsEnabled_RequiresDeclaredUnconfiguredFlag_ReadsItsDefault()
    {
        // Recommendations defaults to on, NewCheckout to off; neither is configured.
        var snapshot = FlagHarness.Snapshot(
            ScheduleHost.Json("""{ "FeatureFlags": { "F": { "Requires": ["Recommendations"] }, "G": { "Requires": ["NewCheckout"] } } }"""),
            build: b => b.AddCatalog<TestCatalog>());

        snapshot.IsEnabled("F").ShouldBeTrue();
        snapshot.Explain("G").Reason.ShouldBe(EvaluationReason.PrerequisiteOff);
    }

    [Fact]
    public void IsEnabled_RequiresScheduledFlag_FollowsTheSchedule()
    {
        var host = new ScheduleHost(
            """{ "Sale": { "Schedule": { "From": "2026-11-27T00:00:00Z", "Until": "2026-11-30T00:00:00Z" } }, "SaleBanner": { "Requires": ["Sale"] } }""",
            DateTimeOffset.UnixEpoch);

        host.At("2026-11-28T00:00:00Z").IsEnabled("SaleBanner").ShouldBeTrue();
        host.At("2026-12-01T00:00:00Z").IsEnabled("SaleBanner").ShouldBeFalse();
        host.At("2026-12-01T00:00:00Z").IsEnabled(new FlagKey("SaleBanner")).ShouldBeFalse();
    }

    [Fact]
    public void Reader_StaticPrerequisiteOff_FlagIsStaticallyOff()
    {
        using var services = FlagHarness.Services(ScheduleHost.Json("""{ "FeatureFlags": { "Payments": false, "NewCheckout": { "Requires": ["Payments"] } } }"""));

        services.GetRequiredService<IFlagReader>().IsEnabled(new FlagKey("NewCheckout"), Alice).ShouldBeFalse();
        services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(Alice).Explain("NewCheckout").Reason.ShouldBe(EvaluationReason.PrerequisiteOff);
    }

    [Fact]
    public void IsEnabled_ChainOfTwo_AllocatesNothing()
    {
        using var services = FlagHarness.Services(ScheduleHost.Json("""
            { "FeatureFlags": { "Ledger": { "Rollout": 50 }, "Payments": { "Requires": ["Ledger"] }, "NewCheckout": { "Requires": ["Payments"] } } }
            """));
        var snapshot = services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(Alice);
        var key = new FlagKey("NewCheckout");
        snapshot.IsEnabled(key);
        snapshot.Explain("NewCheckout");

        var before = GC.GetAllocatedBytesForCurrentThread();
        snapshot.IsEnabled(key);
        snapshot.IsEnabled("NewCheckout");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBe(0);
    }

    private static IFlagSnapshot Snapshot(string flags, EvaluationContext? context = null) =>
        FlagHarness.Snapshot(ScheduleHost.Json("{ \"FeatureFlags\": " + flags + " }"), context);
}
