using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FeatureFlags.AspNetCore.Tests.Pages;

/// <summary>A page behind a flag that is off.</summary>
[RequireFlag(SiteFlags.Off)]
public sealed class ClosedModel : PageModel
{
    public void OnGet()
    {
    }
}
