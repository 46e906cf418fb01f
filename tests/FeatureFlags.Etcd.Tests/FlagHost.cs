using FeatureFlags.Etcd.Client;
using FeatureFlags.Etcd.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Etcd.Tests;

/// <summary>
/// One application instance: its own configuration (built as a host builds it, sources loaded as they are added), the
/// etcd source among them, and the flag services with their logs captured.
/// </summary>
internal sealed class FlagHost : IDisposable
{
    private readonly ConfigurationManager _configuration;
    private readonly ServiceProvider _services;

    private FlagHost(ConfigurationManager configuration, ServiceProvider services, LogCapture logs)
    {
        _configuration = configuration;
        _services = services;
        Logs = logs;
        Factory = services.GetRequiredService<IFlagSnapshotFactory>();
    }

    public LogCapture Logs { get; }

    public IFlagSnapshotFactory Factory { get; }

    public IConfigurationRoot Configuration => _configuration;

    /// <summary>Runs the flag runtime's health check, as the host's health checks service would.</summary>
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync()
    {
        var check = _services.GetRequiredService<FeatureFlagsHealthCheck>();
        return check.CheckHealthAsync(new() { Registration = new("feature-flags", check, Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, null) });
    }

    public static EtcdFlagsOptions Options(EtcdServer server, string prefix, LogCapture? logs = null) => Configure(new EtcdFlagsOptions(), server, prefix, logs);

    /// <summary>Points <paramref name="options"/> at the test's server and prefix, with waits short enough for tests.</summary>
    public static EtcdFlagsOptions Configure(EtcdFlagsOptions options, EtcdServer server, string prefix, LogCapture? logs = null)
    {
        options.Prefix = prefix;
        options.LoggerFactory = logs;

        // CI runs every test project at once on two cores: a write may wait its turn.
        options.Timeout = TimeSpan.FromSeconds(10);
        options.ReconnectDelay = TimeSpan.FromMilliseconds(50);
        options.MaxReconnectDelay = TimeSpan.FromMilliseconds(400);
        options.Endpoints.Add(server.Endpoint);
        return options;
    }

    /// <summary>Starts an instance; <paramref name="before"/> adds the sources an application has before etcd.</summary>
    public static FlagHost Start(EtcdServer server, string prefix, Action<EtcdFlagsOptions>? configure = null, Action<IConfigurationBuilder>? before = null)
    {
        var logs = new LogCapture();
        var configuration = new ConfigurationManager();
        before?.Invoke(configuration);
        configuration.AddEtcdFlags(options =>
        {
            Configure(options, server, prefix, logs);
            configure?.Invoke(options);
        });
        return Services(configuration, logs);
    }

    /// <summary>
    /// Starts an instance whose source runs <paramref name="beforeWatch"/> after its first read and before its watch
    /// starts: a test changes etcd in that gap.
    /// </summary>
    public static FlagHost StartWithGap(EtcdServer server, string prefix, Func<CancellationToken, Task> beforeWatch)
    {
        var logs = new LogCapture();
        var configuration = new ConfigurationManager();
        ((IConfigurationBuilder)configuration).Add(new EtcdFlagsSource(EtcdSettings.From(Options(server, prefix, logs), null)) { BeforeWatch = beforeWatch });
        return Services(configuration, logs);
    }

    public static FlagHost Services(ConfigurationManager configuration, LogCapture logs)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddFeatureFlags(configuration);
        return new FlagHost(configuration, services.BuildServiceProvider(), logs);
    }

    public IFlagSnapshot Snapshot(EvaluationContext? context = null) => context is null ? Factory.CreateSnapshot() : Factory.CreateSnapshot(context);

    /// <summary>Waits until the flag's change to a value described by <paramref name="newValue"/> is logged (event 1001).</summary>
    public Task<LogCapture.LogEntry> ChangedAsync(string flag, string newValue) =>
        Logs.WaitAsync(e => e.EventId.Id == 1001 && e.Message.StartsWith($"Feature flag {flag} changed from ", StringComparison.Ordinal) && e.Message.Contains($" to {newValue} (source:", StringComparison.Ordinal));

    public void Dispose()
    {
        _services.Dispose();
        ((IDisposable)_configuration).Dispose();
    }
}
