using Microsoft.Extensions.Time.Testing;

namespace FeatureFlags.Testing.Tests.Expiry;

public sealed class FlagAssertTests
{
    private static FakeTimeProvider At(int year, int month, int day, int hour = 12, int offsetHours = 0) =>
        new(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(offsetHours)));

    [Fact]
    public void NoneExpired_EveryExpiryInTheFuture_Passes()
    {
        Should.NotThrow(() => FlagAssert.NoneExpired<ShopFlags>(At(2026, 11, 27)));
    }

    [Fact]
    public void NoneExpired_FlagExpiresToday_Passes()
    {
        Should.NotThrow(() => FlagAssert.NoneExpired<ShopFlags>(At(2099, 1, 31, hour: 23)));
    }

    [Fact]
    public void NoneExpired_OneFlagPastExpiry_ThrowsWithOwnerAndNoRemovalLink()
    {
        var error = Should.Throw<ExpiredFlagsException>(() => FlagAssert.NoneExpired<ShopFlags>(At(2099, 2, 1)));

        error.Today.ShouldBe(new DateOnly(2099, 2, 1));
        error.ExpiredFlags.Select(f => f.Name).ShouldBe([ShopFlags.CheckoutButton]);
        error.Message.ShouldBe(
            "1 flag of FeatureFlags.Testing.Tests.ShopFlags past the expiry date (today is 2099-02-01 UTC):" + Environment.NewLine +
            "  CheckoutButton (Experiment) expired 2099-01-31; owner: team-growth; removal: no RemovalIssue declared" + Environment.NewLine +
            "Remove each flag and the code it guards, or move its Expires date if the plan changed.");
    }

    [Fact]
    public void NoneExpired_SeveralPastExpiry_ListsEachInDeclarationOrder()
    {
        var error = Should.Throw<ExpiredFlagsException>(() => FlagAssert.NoneExpired(FlagCatalog.For<ShopFlags>(), At(2099, 6, 1)));

        error.ExpiredFlags.Select(f => f.Name).ShouldBe([ShopFlags.NewCheckout, ShopFlags.SearchV2, ShopFlags.CheckoutButton]);
        error.Message.ShouldStartWith("3 flags of FeatureFlags.Testing.Tests.ShopFlags past the expiry date (today is 2099-06-01 UTC):");
        error.Message.ShouldContain("NewCheckout (Release) expired 2099-03-31; owner: team-checkout; removal: https://example.test/issues/12");
        error.Message.ShouldContain("SearchV2 (Release) expired 2099-05-31; owner: none declared; removal: no RemovalIssue declared");
    }

    [Fact]
    public void NoneExpired_LocalDateAheadOfUtc_UsesTheUtcDate()
    {
        // 2027-04-01 00:30 at +02:00 is still 2027-03-31 in UTC: NewCheckout's last day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 4, 1, 0, 30, 0, TimeSpan.FromHours(2)));
        var catalog = new FlagCatalog("Checkout", [new FlagDefinition(ShopFlags.NewCheckout, FlagKind.Release, new DateOnly(2027, 3, 31))]);

        Should.NotThrow(() => FlagAssert.NoneExpired(catalog, clock));
        clock.Advance(TimeSpan.FromHours(2));
        Should.Throw<ExpiredFlagsException>(() => FlagAssert.NoneExpired(catalog, clock)).ExpiredFlags.Single().Name.ShouldBe(ShopFlags.NewCheckout);
    }

    [Fact]
    public void NoneExpired_SystemClock_ReportsAFlagThatExpiredIn2020()
    {
#pragma warning disable FF0001 // the expired flag is the point of the test
        Should.Throw<ExpiredFlagsException>(FlagAssert.NoneExpired<LongGoneFlags>)
            .ExpiredFlags.Single().Name.ShouldBe(LongGoneFlags.OldBanner);
#pragma warning restore FF0001
    }

    // Expired on purpose: it is what the assertion must report. FF0001 would fail this build otherwise.
#pragma warning disable FF0001
    [FlagCatalog]
    private sealed class LongGoneFlags
    {
        [Flag(FlagKind.Release, Expires = "2020-01-31")]
        public const string OldBanner = "OldBanner";

        [Flag(FlagKind.Ops)]
        public const string KillSwitch = "KillSwitch";
    }
#pragma warning restore FF0001
}
