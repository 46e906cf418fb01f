using Microsoft.AspNetCore.Mvc;

namespace FeatureFlags.AspNetCore.Tests.Controllers;

/// <summary>Gates on actions.</summary>
[ApiController]
[Route("mvc")]
public sealed class GatedController : ControllerBase
{
    [HttpGet("on")]
    [RequireFlag(SiteFlags.On)]
    public string On() => "open";

    [HttpGet("off")]
    [RequireFlag(SiteFlags.Off)]
    public string Off() => "open";

    [HttpGet("off-403")]
    [RequireFlag(SiteFlags.Off, StatusCode = 403)]
    public string OffForbidden() => "open";

    [HttpGet("beta")]
    [RequireFlag(SiteFlags.Beta)]
    public string Beta() => "open";
}
