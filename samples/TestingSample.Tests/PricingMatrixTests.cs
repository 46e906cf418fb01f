using FeatureFlags.Testing;

namespace TestingSample.Tests;

/// <summary>The domain function under every flag combination that matters, from the matrix.</summary>
public sealed class PricingMatrixTests
{
    private static readonly CartLine[] Cart = [new("book", 24.50m, 2), new("pen", 1.50m, 4)];

    // Production as is, Production + each planned flag on, Production with them off (the fallback),
    // all on, all off: one test per case, each named in the test explorer and in dotnet test output.
    [Theory]
    [FlagMatrix(typeof(Flags), "Production", Flags.NewCheckout, Flags.FreeShipping)]
    public void Total_AnyFlagCase_ChargesAtLeastTheDiscountedItems(FlagMatrixCase flags)
    {
        var total = Pricing.Total(Cart, flags.Snapshot.IsEnabled(Flags.NewCheckout), flags.Snapshot.IsEnabled(Flags.FreeShipping));

        total.ShouldBeGreaterThanOrEqualTo(55m * 0.9m);
        total.ShouldBeLessThanOrEqualTo(55m + Pricing.Shipping);
    }

    [Fact]
    public void Total_PlainBooleans_NeedNoFlagLibrary()
    {
        Pricing.Total(Cart, newCheckout: true, freeShipping: true).ShouldBe(49.50m);
        Pricing.Total(Cart, newCheckout: false, freeShipping: false).ShouldBe(59.90m);
    }
}
