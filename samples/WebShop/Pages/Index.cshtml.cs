using FeatureFlags;

using Microsoft.AspNetCore.Mvc.RazorPages;

using WebShop.Domain;

namespace WebShop.Pages;

/// <summary>
/// The home page is an edge: it reads the request's snapshot once and hands plain booleans to the
/// domain services, which never see a flag.
/// </summary>
public sealed class IndexModel(IFlagSnapshot flags, HomePageService home, PricingService pricing) : PageModel
{
    public HomePage Home { get; private set; } = new([], []);

    public Quote SampleQuote { get; private set; } = new(0m, 0m, 0m);

    public void OnGet()
    {
        Home = home.Build(User.Identity?.Name, showRecommendations: flags.IsEnabled(Flags.Recommendations));
        SampleQuote = pricing.Quote([new CartLine(1, 1), new CartLine(3, 1)], freeShipping: flags.IsEnabled(Flags.FreeShipping));
    }
}
