using FeatureFlags;
using FeatureFlags.AspNetCore.Gates;

using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Gates endpoints and route groups behind a flag.</summary>
/// <remarks>
/// Works for minimal API endpoints and route groups (an endpoint filter), and for
/// <c>MapControllers()</c> / <c>MapRazorPages()</c> (endpoint metadata read by the MVC filter that
/// <c>AddAspNetCore()</c> registers). The flag is read from the request's one snapshot.
/// </remarks>
public static class FlagGateEndpointConventionBuilderExtensions
{
    /// <summary>Answers 404 (or <c>GateClosedStatusCode</c> / <c>GateClosedResult</c> of the options) while the flag is off.</summary>
    /// <typeparam name="TBuilder">The endpoint, group or data source builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="flag">The flag that must be on.</param>
    /// <returns>The builder.</returns>
    /// <example><code>app.MapGroup("/reports").RequireFlag(Flags.BetaReports);</code></example>
    public static TBuilder RequireFlag<TBuilder>(this TBuilder builder, [FlagName] string flag)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddGate(new FlagGateMetadata(flag, 0, null));

    /// <summary>Answers <paramref name="statusCode"/> while the flag is off.</summary>
    /// <typeparam name="TBuilder">The endpoint, group or data source builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="flag">The flag that must be on.</param>
    /// <param name="statusCode">The status code of the closed gate, such as 403.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireFlag<TBuilder>(this TBuilder builder, [FlagName] string flag, int statusCode)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return builder.AddGate(new FlagGateMetadata(flag, statusCode, null));
    }

    /// <summary>Answers what <paramref name="whenOff"/> returns while the flag is off, such as a redirect to the old page.</summary>
    /// <typeparam name="TBuilder">The endpoint, group or data source builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="flag">The flag that must be on.</param>
    /// <param name="whenOff">Creates the result of the closed gate for the request.</param>
    /// <returns>The builder.</returns>
    /// <example><code>app.MapGet("/checkout/v2", Checkout).RequireFlag(Flags.NewCheckout, _ => Results.Redirect("/checkout"));</code></example>
    public static TBuilder RequireFlag<TBuilder>(this TBuilder builder, [FlagName] string flag, Func<HttpContext, IResult> whenOff)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(whenOff);
        return builder.AddGate(new FlagGateMetadata(flag, 0, whenOff));
    }

    private static TBuilder AddGate<TBuilder>(this TBuilder builder, FlagGateMetadata gate)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(gate.Flag, "flag");

        // Metadata for MVC and Razor Pages (and for anyone who inspects endpoints); the filter for route
        // handlers, where MVC filters do not run. Each filter checks only its own gate.
        builder.WithMetadata(gate);
        builder.AddEndpointFilterFactory((_, next) => async invocation =>
            FlagGate.Check(invocation.HttpContext, gate) ?? await next(invocation).ConfigureAwait(false));
        return builder;
    }
}
