using System.Diagnostics.CodeAnalysis;

using FeatureFlags.AspNetCore.Debug;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the development-only endpoint that explains the current request's flags.</summary>
public static class FlagDebugEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a GET endpoint that answers JSON listing every flag of the current request with its value,
    /// variant, reason and configuration source, and the context (user key and groups) it was evaluated for.
    /// </summary>
    /// <remarks>
    /// Off unless mapped. Outside the Development environment it answers 404 unless
    /// <c>FeatureFlagsAspNetCoreOptions.AllowDebugEndpointOutsideDevelopment</c> is set; when you allow it,
    /// protect it as well (<c>.RequireAuthorization(...)</c> on the returned builder), because it shows
    /// configuration keys and the user's groups. Hidden from API descriptions.
    /// </remarks>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="pattern">The route; <c>/_flags</c> by default.</param>
    /// <returns>The endpoint's builder, for further conventions.</returns>
    public static RouteHandlerBuilder MapFeatureFlagsDebug(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/_flags")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        // A RequestDelegate, not a Delegate: no request-delegate generation by reflection, so the endpoint
        // maps in trimmed and Native AOT applications too.
        var endpoint = endpoints.MapGet(pattern, new RequestDelegate(FlagDebugEndpoint.Handle));
        return new RouteHandlerBuilder([endpoint])
            .WithName("FeatureFlagsDebug")
            .ExcludeFromDescription();
    }
}
