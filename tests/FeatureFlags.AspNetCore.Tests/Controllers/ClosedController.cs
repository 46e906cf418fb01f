using Microsoft.AspNetCore.Mvc;

namespace FeatureFlags.AspNetCore.Tests.Controllers;

/// <summary>A gate on the controller closes every action.</summary>
[ApiController]
[Route("mvc/closed")]
[RequireFlag(SiteFlags.Off)]
public sealed class ClosedController : ControllerBase
{
    [HttpGet]
    public string Get() => "open";
}
