using System.Diagnostics;
using System.Net;
using System.Text.Json;

using FeatureFlags;

using Microsoft.Extensions.DependencyInjection;

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

using WebShop.Telemetry;

namespace WebShop.Tests;

/// <summary>
/// What an application's OpenTelemetry pipeline receives: the shop's own set-up (<see cref="ShopTelemetry"/>) with the
/// real SDK and its in-memory exporters in place of the console, the shop on Kestrel.
/// </summary>
/// <remarks>
/// An SDK listens to sources and meters by name, process-wide: alone in its collection, so that no other test's shop
/// adds spans or evaluations to what this one's pipeline exports.
/// </remarks>
[Collection(nameof(TelemetryIntegrationTests))]
public sealed class TelemetryIntegrationTests
{
    [Fact]
    public async Task Home_TelemetryOn_RequestSpanCarriesTheEvaluationAndMetricsCountIt()
    {
        var trace = ActivityTraceId.CreateRandom();
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var requestEnded = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var shop = ShopHost.Start(services: services => services.AddShopTelemetry()
            .WithTracing(tracing => tracing
                .AddInMemoryExporter(spans)
                .AddProcessor(new EndedProcessor(activity => activity.TraceId == trace && requestEnded.TrySetResult(activity))))
            .WithMetrics(meters => meters.AddInMemoryExporter(metrics)));

        // The request joins a trace of the test's own, as it would a caller's: its span is told apart by that.
        using var home = new HttpRequestMessage(HttpMethod.Get, "/api/home");
        home.Headers.Add("X-User", "alice");
        home.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await shop.Client.SendAsync(home);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The request's span ends after the response is written: wait for it to end, not for time to pass.
        var request = await requestEnded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        request.Source.Name.ShouldBe(ShopTelemetry.AspNetCoreSource);
        var evaluation = request.Events.ShouldHaveSingleItem();
        evaluation.Name.ShouldBe("feature_flag.evaluation");
        evaluation.Tags.ToDictionary(t => t.Key, t => t.Value).ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Recommendations",
            ["feature_flag.provider.name"] = "FeatureFlags",
            ["feature_flag.result.reason"] = "static",
            ["featureflags.reason"] = "Static",
            ["feature_flag.result.value"] = true,
        });
        evaluation.Tags.ShouldNotContain(t => t.Key == "feature_flag.context.id");

        shop.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();
        var counted = Points(metrics, "featureflags.evaluations").ShouldHaveSingleItem();
        counted.Sum.ShouldBe(1);
        counted.Tags.ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Recommendations", ["feature_flag.result.value"] = true, ["feature_flag.result.reason"] = "static",
        }, ignoreOrder: true);
        Points(metrics, "featureflags.flags").Last().Sum.ShouldBe(Flags.Catalog.Flags.Count);
    }

    [Fact]
    public async Task Health_Development_HealthyWithTheFlagCount()
    {
        await using var shop = ShopHost.Start();

        var response = await shop.GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().ShouldBe("Healthy");
        var flags = json.RootElement.GetProperty("checks").GetProperty("feature-flags");
        flags.GetProperty("status").GetString().ShouldBe("Healthy");
        flags.GetProperty("data").GetProperty("flags").GetInt32().ShouldBe(Flags.Catalog.Flags.Count);
    }

    /// <summary>Each point of an exported metric, latest export last, as its tags and its sum (or gauge value).</summary>
    private static List<(double Sum, Dictionary<string, object?> Tags)> Points(List<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints.Select(p => (m.MetricType, Point: p))).Select(e =>
        {
            var p = e.Point;
            var tags = new Dictionary<string, object?>();
            foreach (var tag in p.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            var value = e.MetricType == MetricType.LongGauge ? p.GetGaugeLastValueLong() : p.GetSumLong();
            return ((double)value, tags);
        }).ToList();

    private sealed class EndedProcessor(Func<Activity, bool> onEnd) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => onEnd(data);
    }
}

/// <summary>Runs <see cref="TelemetryIntegrationTests"/> after, and never beside, the other test classes.</summary>
[CollectionDefinition(nameof(TelemetryIntegrationTests), DisableParallelization = true)]
public sealed class TelemetryIntegrationCollection;
