using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FeatureFlags.Tests.Diagnostics;

/// <summary>
/// The runtime in a container with a meter factory, as hosts register one, a fake clock and a fake logger. Collectors
/// made here listen to this container's meter only, so tests running in parallel never see each other's measurements.
/// </summary>
internal sealed class TelemetryHost : IDisposable
{
    private readonly ServiceProvider _services;

    public TelemetryHost(Settings settings, Action<FeatureFlagsOptions>? options = null, Action<FeatureFlagsBuilder>? build = null)
        : this(new ConfigurationBuilder().Add(new ReplaceableSource(settings)), options, build)
    {
    }

    public TelemetryHost(IConfigurationBuilder configuration, Action<FeatureFlagsOptions>? options = null, Action<FeatureFlagsBuilder>? build = null)
    {
        Configuration = configuration.Build();
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        services.AddLogging(logging => logging.AddProvider(Logs));
        var flags = services.AddFeatureFlags(Configuration, options);
        build?.Invoke(flags);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public IConfigurationRoot Configuration { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    public FakeLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _services;

    public IFlagSnapshotFactory Snapshots => _services.GetRequiredService<IFlagSnapshotFactory>();

    public IFlagReader Reader => _services.GetRequiredService<IFlagReader>();

    /// <summary>The one replaceable source the settings constructor added.</summary>
    public ReplaceableSource.Provider Source => Configuration.Providers.OfType<ReplaceableSource.Provider>().Single();

    /// <summary>Starts collecting one of this container's FeatureFlags instruments.</summary>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), FeatureFlagsTelemetry.MeterName, instrument, Time);

    public void Dispose() => _services.Dispose();
}
