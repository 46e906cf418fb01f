using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.AspNetCore.Tests.Hosting;

/// <summary>The test site's minimal API endpoints.</summary>
internal static class SiteEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/context", (IFlagSnapshot flags) => new ContextView(flags.Context.Key, flags.Context.Groups));

        app.MapGet("/snapshot", (HttpContext http, IFlagSnapshot injected, IFlagSnapshotFactory factory) =>
        {
            var before = injected.IsEnabled(SiteFlags.Live);

            // Flip the flag and reload configuration in the middle of the request.
            app.Configuration[$"FeatureFlags:{SiteFlags.Live}"] = "false";
            ((IConfigurationRoot)app.Configuration).Reload();

            var again = http.RequestServices.GetRequiredService<IFlagSnapshot>();
            return new SnapshotView(ReferenceEquals(injected, again), before, again.IsEnabled(SiteFlags.Live), factory.CreateSnapshot().IsEnabled(SiteFlags.Live));
        });

        app.MapGet("/live", (IFlagSnapshot flags) => flags.IsEnabled(SiteFlags.Live));

        app.MapGet("/gated/on", () => "open").RequireFlag(SiteFlags.On);
        app.MapGet("/gated/off", () => "open").RequireFlag(SiteFlags.Off);
        app.MapGet("/gated/off-403", () => "open").RequireFlag(SiteFlags.Off, StatusCodes.Status403Forbidden);
        app.MapGet("/gated/off-redirect", () => "open").RequireFlag(SiteFlags.Off, _ => Results.Redirect("/old"));
        app.MapGet("/gated/both", () => "open").RequireFlag(SiteFlags.On).RequireFlag(SiteFlags.Off);

        var beta = app.MapGroup("/beta").RequireFlag(SiteFlags.Beta);
        beta.MapGet("/report", () => "report");
        beta.MapGet("/summary", () => "summary");
    }
}

internal sealed record ContextView(string? Key, IReadOnlyList<string> Groups);

internal sealed record SnapshotView(bool Same, bool Before, bool After, bool Fresh);
