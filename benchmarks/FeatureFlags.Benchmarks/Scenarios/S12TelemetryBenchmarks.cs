using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 12: telemetry. <see cref="Listening"/> false: nothing listens to either library, the promise being that the
/// read path is what scenarios 1 and 2 measure. True: a meter listener on the FeatureFlags meter and an activity
/// listener on both libraries' sources, recording (no-op callbacks: an SDK's own aggregation and export come on top).
/// Reads: a typed read of a static flag on a snapshot (made while listening: a repeat read, already recorded) and on
/// <see cref="IFlagReader"/> (every read counted); a request: an activity of the application's, a new snapshot and
/// one read (one evaluation event and one count), beside Microsoft.FeatureManagement 4.7.0 reading the same flag with
/// its own telemetry turned on for it (one event on the activity).
/// </summary>
[MemoryDiagnoser]
public class S12TelemetryBenchmarks
{
    private const string Flag = "Observed";
    private static readonly FlagKey Key = new(Flag);
    private const string RequestsName = "FeatureFlags.Benchmarks.Requests";
    private static readonly ActivitySource Requests = new(RequestsName);

    private ServiceProvider _services = null!;
    private IFeatureManager _featureManager = null!;
    private IFlagSnapshotFactory _snapshots = null!;
    private IFlagReader _reader = null!;
    private IFlagSnapshot _snapshot = null!;
    private ActivityListener _activities = null!;
    private MeterListener? _meters;

    /// <summary>Whether the FeatureFlags meter and both libraries' activity sources have listeners.</summary>
    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The application's own request activities are always recorded: only the libraries' listeners change.
        _activities = new ActivityListener
        {
            // By name: comparing with the static field would meet it unassigned while its own constructor asks.
            ShouldListenTo = source => source.Name == RequestsName || (Listening && source.Name is FeatureFlagsTelemetry.ActivitySourceName or "Microsoft.FeatureManagement"),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        if (Listening)
        {
            _meters = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == FeatureFlagsTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meters.SetMeasurementEventCallback<long>((_, _, _, _) => { });
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
            _meters.Start();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"FeatureFlags:{Flag}"] = "true",
            ["feature_management:feature_flags:0:id"] = Flag,
            ["feature_management:feature_flags:0:enabled"] = "true",
            ["feature_management:feature_flags:0:telemetry:enabled"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureFlags(configuration);
        services.AddFeatureManagement();
        _services = services.BuildServiceProvider();
        _featureManager = _services.GetRequiredService<IFeatureManager>();
        _snapshots = _services.GetRequiredService<IFlagSnapshotFactory>();
        _reader = _services.GetRequiredService<IFlagReader>();
        _snapshot = _snapshots.CreateSnapshot();

        if (!_snapshot.IsEnabled(Key) || !_reader.IsEnabled(Key) || !FeatureFlagsRequest() || !FeatureManagementRequest())
        {
            throw new InvalidOperationException("Both libraries must read the flag as on.");
        }

        using var probe = Requests.StartActivity("probe") ?? throw new InvalidOperationException("The request activities must be recorded.");
        _snapshots.CreateSnapshot().IsEnabled(Key);
        if (probe.Events.Count() != (Listening ? 1 : 0))
        {
            throw new InvalidOperationException($"Expected {(Listening ? 1 : 0)} evaluation event, found {probe.Events.Count()}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _activities.Dispose();
        _services.Dispose();
    }

    [Benchmark(Description = "FeatureFlags snapshot, typed read")]
    public bool SnapshotRead() => _snapshot.IsEnabled(Key);

    [Benchmark(Description = "FeatureFlags IFlagReader, typed read")]
    public bool ReaderRead() => _reader.IsEnabled(Key);

    [Benchmark(Description = "FeatureFlags request: activity + snapshot + first read")]
    public bool FeatureFlagsRequest()
    {
        using var request = Requests.StartActivity("request");
        return _snapshots.CreateSnapshot().IsEnabled(Key);
    }

    [Benchmark(Baseline = true, Description = "MSFM request: activity + IsEnabledAsync, telemetry on for the flag")]
    public bool FeatureManagementRequest()
    {
        using var request = Requests.StartActivity("request");
        return _featureManager.IsEnabledAsync(Flag).GetAwaiter().GetResult();
    }
}
