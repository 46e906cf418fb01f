using FeatureFlags.Testing;

using Microsoft.Extensions.Time.Testing;

using WebShop.Domain;

namespace WebShop.Tests;

/// <summary>
/// The shop's domain under every flag case that matters for the next release, read from the shop's
/// own appsettings.Production.json: production as is, each planned flag on, the planned flags off
/// (the fallback), all on, all off.
/// </summary>
public sealed class FlagMatrixTests
{
    private static readonly ProductCatalog Catalog = ProductCatalog.CreateDemo();

    [Theory]
    [FlagMatrix(typeof(Flags), "Production", Flags.NewCheckout, Flags.FreeShipping)]
    public void Place_AnyFlagCase_ChargesItemsAndAtMostStandardShipping(FlagMatrixCase flags)
    {
        var checkout = new CheckoutService(new PricingService(Catalog), new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)));

        // The edge: read each flag once, pass booleans in.
        var order = checkout.Place(
            [new CartLine(1, 2), new CartLine(3, 1)],
            newCheckout: flags.Snapshot.IsEnabled(Flags.NewCheckout),
            freeShipping: flags.Snapshot.IsEnabled(Flags.FreeShipping));

        order.Quote.Subtotal.ShouldBe(108.80m);
        order.Quote.Total.ShouldBe(order.Quote.Subtotal + (flags.Snapshot.IsEnabled(Flags.FreeShipping) ? 0m : PricingService.StandardShipping));
        order.Flow.ShouldBe(flags.Snapshot.IsEnabled(Flags.NewCheckout) ? "v2" : "v1");
    }

    [Fact]
    public void For_ProductionSettings_HasTheDocumentedCases()
    {
        var names = FlagMatrix.For<Flags>("Production", Flags.NewCheckout, Flags.FreeShipping).Select(c => c.Kind).ToList();

        names.ShouldContain(FlagMatrixCaseKind.Environment);
        names.ShouldContain(FlagMatrixCaseKind.PlannedOn);
        names.ShouldContain(FlagMatrixCaseKind.AllOn);
        names.ShouldContain(FlagMatrixCaseKind.AllOff);
    }

    [Fact]
    public void FromEnvironment_Production_FreeShippingOffRecommendationsOn()
    {
        var production = TestFlags.FromEnvironment<Flags>("Production");

        production.IsEnabled(Flags.FreeShipping).ShouldBeFalse();
        production.IsEnabled(Flags.Recommendations).ShouldBeTrue();
    }

    [Fact]
    public void NoneExpired_Today_NoFlagPastItsExpiry()
    {
        // Real time on purpose: the day a flag expires this fails, like the build does (FF0001).
        FlagAssert.NoneExpired<Flags>();
    }
}
