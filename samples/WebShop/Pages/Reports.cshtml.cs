using FeatureFlags.AspNetCore;

using Microsoft.AspNetCore.Mvc.RazorPages;

using WebShop.Domain;

namespace WebShop.Pages;

/// <summary>A page behind a permission flag: 404 for everyone outside the beta group.</summary>
[RequireFlag(Flags.BetaReports)]
public sealed class ReportsModel(ProductCatalog catalog) : PageModel
{
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public void OnGet() => Categories = catalog.Products.Select(p => p.Category).Distinct().ToList();
}
