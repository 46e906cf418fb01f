using System.Security.Claims;

using Microsoft.AspNetCore.Http;

namespace FeatureFlags.AspNetCore;

/// <summary>
/// Options of the ASP.NET Core integration: how a request's user becomes an <see cref="EvaluationContext"/>,
/// what a closed gate answers, and where the debug endpoint may serve.
/// </summary>
/// <remarks>Set once at start-up through <c>AddAspNetCore(options => ...)</c>; read-only afterwards, so safe to share between requests.</remarks>
public sealed class FeatureFlagsAspNetCoreOptions
{
    /// <summary>
    /// Gets the claim types whose value becomes the context's key, first match wins. Defaults to
    /// <see cref="ClaimTypes.NameIdentifier"/> then <c>sub</c> (the OpenID Connect subject).
    /// </summary>
    public IList<string> KeyClaimTypes { get; } = [ClaimTypes.NameIdentifier, "sub"];

    /// <summary>
    /// Gets the claim types whose values become the context's groups. Defaults to
    /// <see cref="ClaimTypes.Role"/> and <c>role</c>, plus each identity's own
    /// <see cref="ClaimsIdentity.RoleClaimType"/>.
    /// </summary>
    public IList<string> GroupClaimTypes { get; } = [ClaimTypes.Role, "role"];

    /// <summary>
    /// Gets the claim types whose value becomes a context attribute, and the attribute's name: <c>["tid"] = "tenant"</c>,
    /// <c>[ClaimTypes.Country] = "country"</c>. The first claim of each type, from authenticated identities only. Empty by default.
    /// </summary>
    public IDictionary<string, string> AttributeClaimTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets a hook that adds attributes per request, after those from claims (a later attribute of the same name
    /// wins): the app version from a header, the device from the user agent, the plan from the application's own store.
    /// Called once per request, when the request's snapshot is first asked for. <see langword="null"/> by default.
    /// </summary>
    public Action<HttpContext, IList<ContextAttribute>>? AddAttributes { get; set; }

    /// <summary>
    /// Gets or sets the status code a closed gate answers with when the gate names none of its own.
    /// Defaults to 404, so a disabled feature looks like one that does not exist.
    /// </summary>
    public int GateClosedStatusCode { get; set; } = StatusCodes.Status404NotFound;

    /// <summary>
    /// Gets or sets the result of every closed gate that has no handler of its own, given the request
    /// and the flag's name; <see langword="null"/> (the default) answers <see cref="GateClosedStatusCode"/>.
    /// </summary>
    public Func<HttpContext, string, IResult>? GateClosedResult { get; set; }

    /// <summary>
    /// Gets or sets whether <c>MapFeatureFlagsDebug</c> serves outside the Development environment.
    /// Defaults to <see langword="false"/>: elsewhere it answers 404, because it shows configuration
    /// sources and the user's context.
    /// </summary>
    public bool AllowDebugEndpointOutsideDevelopment { get; set; }
}
