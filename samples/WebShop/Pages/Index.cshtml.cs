using FeatureFlags;

using Microsoft.AspNetCore.Mvc.RazorPages;

using WebShop.Domain;

namespace WebShop.Pages;

/// <summary>
/// The home page is an edge: it reads the request's snapshot once and hands plain booleans to the
/// domain services, which never see a flag.
/// </summary>
public sealed class IndexModel(IFlagSnapshot snapshot, HomePageService home, PricingService pricing) : PageModel
{
    public HomePage Home { get; private set; } = new([], []);

    public Quote SampleQuote { get; private set; } = new(0m, 0m, 0m);

    /// <summary>The buy button's label: the served variant's value, or the control's.</summary>
    public string BuyLabel { get; private set; } = new BuyButtonStyle().Label;

    public void OnGet()
    {
        var flags = Flags.For(snapshot);
        Home = home.Build(User.Identity?.Name, showRecommendations: flags.Recommendations);
        SampleQuote = pricing.Quote([new CartLine(1, 1), new CartLine(3, 1)], freeShipping: flags.FreeShipping);
        BuyLabel = flags.BuyButtonValue?.Label ?? BuyLabel;
    }
}
