using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Http.Json;

namespace WebShop.Tests;

/// <summary>The shop with its real appsettings files per environment and the demo's per-user context.</summary>
public sealed class ConfiguredFlagsIntegrationTests
{
    private sealed record Assignment(string Experiment, string? User, string? Variant);

    [Fact]
    public async Task Experiment_ManyUsers_StickyPerUserAndBothVariantsServed()
    {
        await using var shop = ShopHost.Start("Development");
        var users = Enumerable.Range(1, 40).Select(i => $"user-{i}").ToList();

        var first = new Dictionary<string, string?>();
        foreach (var user in users)
        {
            first[user] = (await (await shop.GetAsync("/api/experiments/buy-button", user)).Content.ReadFromJsonAsync<Assignment>())!.Variant;
        }

        foreach (var user in users)
        {
            var again = (await (await shop.GetAsync("/api/experiments/buy-button", user)).Content.ReadFromJsonAsync<Assignment>())!.Variant;
            again.ShouldBe(first[user], $"{user} must keep their variant");
        }

        first.Values.Distinct().Order().ShouldBe(["blue", "green"]);
    }

    [Fact]
    public async Task Experiment_Page_RendersTheUsersVariant()
    {
        await using var shop = ShopHost.Start("Development");

        foreach (var user in new[] { "alice", "bob", "carol", "dave" })
        {
            var variant = (await (await shop.GetAsync("/api/experiments/buy-button", user)).Content.ReadFromJsonAsync<Assignment>())!.Variant;
            var home = await (await shop.GetAsync("/", user)).Content.ReadAsStringAsync();
            home.ShouldContain($"id=\"buy-{variant}\"");

            // The variant's value, from appsettings.json, bound to BuyButtonStyle once per reload.
            home.ShouldContain(variant == "green" ? ">Add to basket</button>" : ">Buy now</button>");
        }
    }

    [Theory]
    [InlineData("2026-12-23T22:59:59Z", false)]
    [InlineData("2026-12-23T23:00:00Z", true)]
    [InlineData("2026-12-26T22:59:59Z", true)]
    [InlineData("2026-12-26T23:00:00Z", false)]
    public async Task HolidayBanner_Scheduled_ShownOnlyInsideItsWindow(string now, bool shown)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        await using var shop = ShopHost.Start("Production", time: time);

        var home = await (await shop.GetAsync("/")).Content.ReadAsStringAsync();

        home.Contains("id=\"holiday-banner\"", StringComparison.Ordinal).ShouldBe(shown);
    }

    [Theory]
    [InlineData("Development", "bob", HttpStatusCode.OK)]
    [InlineData("Production", "alice", HttpStatusCode.OK)]
    public async Task NewCheckout_PerEnvironment_FollowsSettings(string environment, string user, HttpStatusCode expected)
    {
        await using var shop = ShopHost.Start(environment);

        (await shop.CheckoutAsync("/api/checkout/v2", user)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("NL", true)]
    [InlineData("be", true)]
    [InlineData("DE", false)]
    public async Task FreeShipping_Production_RuleOnTheCustomersCountry(string country, bool free)
    {
        await using var shop = ShopHost.Start("Production");

        var quote = await (await shop.CheckoutAsync("/api/quote", "erin", country)).Content.ReadFromJsonAsync<Domain.Quote>();

        quote!.Shipping.ShouldBe(free ? 0m : Domain.PricingService.StandardShipping);
    }

    [Theory]
    [InlineData("beta", true)]
    [InlineData("staff", false)]
    public async Task BetaReports_Production_FollowsUserGroup(string roles, bool visible)
    {
        await using var shop = ShopHost.Start("Production");

        var home = await (await shop.GetAsync("/", "erin", roles)).Content.ReadAsStringAsync();
        var page = await shop.GetAsync("/reports", "erin", roles);

        home.Contains("id=\"nav-reports\"", StringComparison.Ordinal).ShouldBe(visible);
        page.StatusCode.ShouldBe(visible ? HttpStatusCode.OK : HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task DebugEndpoint_PerEnvironment_OnlyInDevelopment(string environment, HttpStatusCode expected)
    {
        await using var shop = ShopHost.Start(environment);

        (await shop.GetAsync("/_flags")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task FreeShipping_Production_Off_AnonymousHasNoCountry()
    {
        await using var shop = ShopHost.Start("Production");

        var quote = await (await shop.CheckoutAsync("/api/quote")).Content.ReadFromJsonAsync<Domain.Quote>();

        quote!.Shipping.ShouldBe(Domain.PricingService.StandardShipping);
    }
}
