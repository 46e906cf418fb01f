namespace WebShop.Domain;

/// <summary>
/// Builds the home page. Whether recommendations show is the caller's decision, passed in as a
/// <see cref="bool"/>: the ops kill switch lives at the edge, not in here.
/// </summary>
public sealed class HomePageService(ProductCatalog catalog)
{
    public HomePage Build(string? user, bool showRecommendations)
    {
        if (!showRecommendations)
        {
            return new HomePage(catalog.Products, []);
        }

        // A stand-in for a recommender: a stable pick per user, so the page does not jump around.
        var seed = (user ?? string.Empty).Sum(c => c);
        var picks = catalog.Products.OrderBy(p => (p.Id * 31 + seed) % 7).Take(2).ToList();
        return new HomePage(catalog.Products, picks);
    }
}
