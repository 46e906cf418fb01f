using FeatureFlags;

namespace TestingSample;

/// <summary>
/// Edge code: it takes the flag snapshot (injected per request in an application) and passes plain
/// booleans to the domain.
/// </summary>
/// <param name="flags">The flags of this request.</param>
public sealed class CheckoutService(IFlagSnapshot flags)
{
    /// <summary>Summarises a cart for the checkout page.</summary>
    /// <param name="lines">The cart.</param>
    /// <returns>The total and what the page shows.</returns>
    public CheckoutSummary Summarise(IReadOnlyList<CartLine> lines)
    {
        var total = Pricing.Total(lines, flags.IsEnabled(Flags.NewCheckout), flags.IsEnabled(Flags.FreeShipping));
        var button = flags.GetVariant(Flags.CheckoutButton) ?? "grey";
        var recommendations = flags.IsEnabled(Flags.Recommendations) ? "You may also like: bookmarks" : null;
        return new CheckoutSummary(total, button, recommendations);
    }
}
