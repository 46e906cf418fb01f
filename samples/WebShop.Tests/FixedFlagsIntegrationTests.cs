using System.Net;
using System.Net.Http.Json;

using FeatureFlags.Testing;

namespace WebShop.Tests;

/// <summary>The whole shop, on a real server, with its flags replaced by the test.</summary>
public sealed class FixedFlagsIntegrationTests
{
    [Fact]
    public async Task Shop_AllOff_HidesGatesAndUiElements()
    {
        await using var shop = ShopHost.Start(flags: TestFlags.AllOff<Flags>());

        var home = await (await shop.GetAsync("/", "alice", "beta")).Content.ReadAsStringAsync();

        home.ShouldNotContain("id=\"nav-reports\"");
        home.ShouldNotContain("id=\"recommendations\"");
        home.ShouldContain("id=\"buy-plain\"");
        (await shop.GetAsync("/reports", "alice", "beta")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shop.GetAsync("/api/reports/sales", "alice", "beta")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shop.CheckoutAsync("/api/checkout/v2", "alice")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await shop.CheckoutAsync("/api/checkout", "alice")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Shop_AllOn_ShowsEverything()
    {
        await using var shop = ShopHost.Start(flags: TestFlags.AllOn<Flags>());

        var home = await (await shop.GetAsync("/")).Content.ReadAsStringAsync();

        home.ShouldContain("id=\"nav-reports\"");
        home.ShouldContain("id=\"recommendations\"");
        (await shop.GetAsync("/reports")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var order = await (await shop.CheckoutAsync("/api/checkout/v2")).Content.ReadFromJsonAsync<Domain.Order>();
        order!.Flow.ShouldBe("v2");
        order.Quote.Shipping.ShouldBe(0m);
    }

    [Fact]
    public async Task Shop_ExperimentVariantWithValue_RendersItsLabel()
    {
        await using var shop = ShopHost.Start(flags: TestFlags.With(Flags.BuyButton, "green", new Domain.BuyButtonStyle { Label = "Take my money" }));

        var home = await (await shop.GetAsync("/", "alice")).Content.ReadAsStringAsync();

        home.ShouldContain("id=\"buy-green\" class=\"buy buy-green\">Take my money</button>");
    }

    [Theory]
    [InlineData("blue")]
    [InlineData("green")]
    public async Task Shop_ExperimentVariantFixed_RendersThatButton(string variant)
    {
        await using var shop = ShopHost.Start(flags: TestFlags.With(Flags.BuyButton, variant));

        var home = await (await shop.GetAsync("/", "alice")).Content.ReadAsStringAsync();

        home.ShouldContain($"id=\"buy-{variant}\"");
        home.ShouldNotContain(variant == "blue" ? "id=\"buy-green\"" : "id=\"buy-blue\"");
        home.ShouldNotContain("id=\"buy-plain\"");
    }

    [Theory]
    [FlagMatrix(typeof(Flags), "Production", Flags.NewCheckout, Flags.FreeShipping)]
    public async Task Shop_AnyProductionFlagCase_ServesPagesAndCheckout(FlagMatrixCase flags)
    {
        await using var shop = ShopHost.Start("Production", flags.Snapshot);

        (await shop.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shop.CheckoutAsync("/api/checkout")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await shop.CheckoutAsync("/api/checkout/v2")).StatusCode
            .ShouldBe(flags.Snapshot.IsEnabled(Flags.NewCheckout) ? HttpStatusCode.OK : HttpStatusCode.NotFound);
    }
}
