using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FeatureFlags.AspNetCore.Tests.Pages;

/// <summary>A page behind a flag that is on.</summary>
[RequireFlag(SiteFlags.On)]
public sealed class OpenModel : PageModel
{
    public void OnGet()
    {
    }
}
