using FeatureFlags;
using FeatureFlags.Testing;

namespace TestingSample.Tests;

/// <summary>The service that takes an IFlagSnapshot, driven by fixed snapshots: no DI, no mocks, no files.</summary>
public sealed class CheckoutServiceTests
{
    private static readonly CartLine[] Cart = [new("book", 24.50m, 2), new("pen", 1.50m, 4)];

    [Fact]
    public void Summarise_NewCheckoutOn_AppliesTheDiscount()
    {
        var service = new CheckoutService(TestFlags.With(Flags.NewCheckout, true));

        service.Summarise(Cart).Total.ShouldBe(55m - 5.50m + Pricing.Shipping);
    }

    [Fact]
    public void Summarise_ExperimentVariant_PaintsTheButton()
    {
        var flags = TestFlags.Defaults<Flags>().With(Flags.CheckoutButton, "green");

        new CheckoutService(flags).Summarise(Cart).ButtonColour.ShouldBe("green");
    }

    [Fact]
    public void Summarise_AllOff_FallsBackEverywhere()
    {
        var summary = new CheckoutService(TestFlags.AllOff<Flags>()).Summarise(Cart);

        summary.ShouldBe(new CheckoutSummary(55m + Pricing.Shipping, "grey", null));
    }

    [Fact]
    public void Summarise_Production_ShowsRecommendationsByDefault()
    {
        var production = TestFlags.FromEnvironment<Flags>("Production");

        new CheckoutService(production).Summarise(Cart).Recommendations.ShouldNotBeNull();
        production.Explain(Flags.CheckoutButton).Sources.Single().Provider.ShouldBe("appsettings.Production.json");
    }

    [Fact]
    public void Summarise_ProductionRolloutForOneUser_IsStickyForThatUser()
    {
        var forAlice = TestFlags.FromEnvironment<Flags>("Production").WithContext(new EvaluationContext("alice"));

        var first = new CheckoutService(forAlice).Summarise(Cart).Total;

        new CheckoutService(forAlice).Summarise(Cart).Total.ShouldBe(first);
    }

    [Fact]
    public void With_MisspeltFlag_FailsAtOnceWithTheNearestName()
    {
        Should.Throw<ArgumentException>(() => TestFlags.AllOn<Flags>().With("FreeShiping", false))
            .Message.ShouldContain("did you mean 'FreeShipping'");
    }

    // Fails the run once any flag is past its Expires date, listing owner and removal link: the same
    // promise the build's FF0001 makes, for pipelines that test an earlier build.
    [Fact]
    public void Flags_NoneExpired() => FlagAssert.NoneExpired<Flags>(TimeProvider.System);
}
