using FeatureFlags;

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace WebShop.Telemetry;

/// <summary>
/// The shop's OpenTelemetry set-up: ASP.NET Core's request activities, which carry the flag evaluation events, and the
/// FeatureFlags meter. Only the names are the library's (docs/observability.md); the rest is any application's set-up.
/// </summary>
public static class ShopTelemetry
{
    /// <summary>ASP.NET Core's activity source: the request activities that the evaluation events are added to.</summary>
    public const string AspNetCoreSource = "Microsoft.AspNetCore";

    /// <summary>Listens to the request activities, the flag evaluations and the flag metrics; exporters are the caller's.</summary>
    public static OpenTelemetryBuilder AddShopTelemetry(this IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(AspNetCoreSource, FeatureFlagsTelemetry.ActivitySourceName))
            .WithMetrics(metrics => metrics.AddMeter(FeatureFlagsTelemetry.MeterName));

    /// <summary>Prints every finished request, with its flag evaluations, and the flag metrics to the console.</summary>
    public static OpenTelemetryBuilder WithConsoleExporter(this OpenTelemetryBuilder telemetry) =>
        telemetry
            .WithTracing(tracing => tracing.AddConsoleExporter())
            .WithMetrics(metrics => metrics.AddConsoleExporter());
}
