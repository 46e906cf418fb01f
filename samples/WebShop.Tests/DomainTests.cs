using WebShop.Domain;

namespace WebShop.Tests;

/// <summary>The domain takes plain booleans: no flag library, no host, no configuration.</summary>
public sealed class DomainTests
{
    private static readonly ProductCatalog Catalog = ProductCatalog.CreateDemo();

    [Theory]
    [InlineData(false, 59.00, 4.95)]
    [InlineData(true, 59.00, 0.00)]
    public void Quote_FreeShippingOverThreshold_FollowsBoolean(bool freeShipping, decimal subtotal, decimal shipping)
    {
        var quote = new PricingService(Catalog).Quote([new CartLine(3, 1)], freeShipping);

        quote.ShouldBe(new Quote(subtotal, shipping, subtotal + shipping));
    }

    [Fact]
    public void Quote_FreeShippingUnderThreshold_StillCharges()
    {
        new PricingService(Catalog).Quote([new CartLine(2, 1)], freeShipping: true).Shipping.ShouldBe(PricingService.StandardShipping);
    }

    [Fact]
    public void Quote_UnknownProduct_Throws()
    {
        Should.Throw<UnknownProductException>(() => new PricingService(Catalog).Quote([new CartLine(99, 1)], freeShipping: false))
            .ProductId.ShouldBe(99);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public void Build_Recommendations_FollowBoolean(bool show, int expected)
    {
        new HomePageService(Catalog).Build("alice", show).Recommendations.Count.ShouldBe(expected);
    }
}
