using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FeatureFlags.AspNetCore.Debug;

/// <summary>Serves the current request's flags, with why each has its value; refuses outside Development unless allowed.</summary>
internal static class FlagDebugEndpoint
{
    public static Task Handle(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var options = services.GetRequiredService<IOptions<FeatureFlagsAspNetCoreOptions>>().Value;

        // Checked per request rather than at mapping, so that a mapped endpoint can never leak
        // configuration sources and user context in an environment that was not meant to see them.
        if (!environment.IsDevelopment() && !options.AllowDebugEndpointOutsideDevelopment)
        {
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var snapshot = services.GetRequiredService<IFlagSnapshot>();
        var flags = snapshot.ExplainAll().Select(FlagDebugEntry.From).ToList();
        var context = new FlagDebugContext(snapshot.Context.Key, snapshot.Context.Groups);
        // Serialized by generated code, not reflection: the endpoint works in trimmed and Native AOT applications.
        return httpContext.Response.WriteAsJsonAsync(new FlagDebugReport(environment.EnvironmentName, context, flags), FlagDebugJson.Default.FlagDebugReport);
    }
}

/// <summary>The debug report's JSON, in the web defaults (camelCase) that <c>Results.Json</c> writes.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FlagDebugReport))]
internal sealed partial class FlagDebugJson : JsonSerializerContext;

/// <summary>The debug endpoint's answer.</summary>
internal sealed record FlagDebugReport(string Environment, FlagDebugContext Context, IReadOnlyList<FlagDebugEntry> Flags);

/// <summary>Who the flags were evaluated for.</summary>
internal sealed record FlagDebugContext(string? Key, IReadOnlyList<string> Groups);

/// <summary>One flag's value and where it came from.</summary>
internal sealed record FlagDebugEntry(
    string Name,
    bool Enabled,
    string? Variant,
    string Reason,
    string? Source,
    string? Note,
    IReadOnlyList<string> Sources,
    string? Kind,
    string? Expires,
    string? Owner)
{
    public static FlagDebugEntry From(FlagEvaluation evaluation) => new(
        evaluation.Flag,
        evaluation.IsEnabled,
        evaluation.Variant,
        evaluation.Reason.ToString(),
        evaluation.DecidingSource?.ToString(),
        evaluation.Note,
        evaluation.Sources.Select(s => s.ToString()).ToList(),
        evaluation.Definition?.Kind.ToString(),
        evaluation.Definition?.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        evaluation.Definition?.Owner);
}
