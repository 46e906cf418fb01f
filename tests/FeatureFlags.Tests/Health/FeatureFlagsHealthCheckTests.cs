using FeatureFlags.Tests.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeatureFlags.Tests.Health;

public sealed class FeatureFlagsHealthCheckTests : IDisposable
{
    private static readonly Settings TwoFlags = new() { ["FeatureFlags:NewCheckout"] = "true", ["FeatureFlags:Legacy"] = "false" };
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task CheckHealthAsync_FlagsLoaded_HealthyWithCountAndLoadTime()
    {
        using var host = new TelemetryHost(TwoFlags);

        var result = await CheckAsync(host);

        result.Status.ShouldBe(HealthStatus.Healthy);
        result.Description.ShouldBe("2 flags loaded at 2026-12-06T09:00:00.0000000+00:00.");
        result.Data["flags"].ShouldBe(2);
        result.Data["loadedAt"].ShouldBe("2026-12-06T09:00:00.0000000+00:00");
        result.Data.ContainsKey("problems").ShouldBeFalse();
    }

    [Fact]
    public async Task CheckHealthAsync_ReloadRejected_DegradedSinceTheFirstRejectionUntilAGoodReload()
    {
        using var host = new TelemetryHost(TwoFlags);
        host.Snapshots.CreateSnapshot();

        host.Time.Advance(TimeSpan.FromMinutes(1));
        host.Source.Replace(new Settings { ["FeatureFlags:NewCheckout"] = "ture" });
        host.Time.Advance(TimeSpan.FromMinutes(1));
        host.Source.Replace(new Settings { ["FeatureFlags:NewCheckout"] = "ture", ["FeatureFlags:Legacy"] = "150" });
        var rejected = await CheckAsync(host);

        rejected.Status.ShouldBe(HealthStatus.Degraded);
        rejected.Data["rejectedSince"].ShouldBe("2026-12-06T09:01:00.0000000+00:00");
        rejected.Data["loadedAt"].ShouldBe("2026-12-06T09:00:00.0000000+00:00");
        var problems = rejected.Data["problems"].ShouldBeOfType<string[]>();
        problems.Length.ShouldBe(2);
        problems.ShouldContain(p => p.StartsWith("FeatureFlags:NewCheckout: 'ture' is not a boolean", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("FeatureFlags:Legacy:", StringComparison.Ordinal));
        rejected.Description.ShouldBe(
            "the flag configuration has been rejected since 2026-12-06T09:01:00.0000000+00:00 (2 problems). " +
            "The last good flags stay in force: 2 flags loaded at 2026-12-06T09:00:00.0000000+00:00.");

        host.Time.Advance(TimeSpan.FromMinutes(1));
        host.Source.Replace(new Settings { ["FeatureFlags:NewCheckout"] = "false" });
        var fixedAgain = await CheckAsync(host);

        fixedAgain.Status.ShouldBe(HealthStatus.Healthy);
        fixedAgain.Data["loadedAt"].ShouldBe("2026-12-06T09:03:00.0000000+00:00");
        fixedAgain.Data.ContainsKey("rejectedSince").ShouldBeFalse();
    }

    [Fact]
    public async Task CheckHealthAsync_SourceThrowsOnReload_DegradedNamingTheError()
    {
        var source = new ThrowingSource();
        using var host = new TelemetryHost(new ConfigurationBuilder().Add(new ReplaceableSource(TwoFlags)).Add(source));
        host.Snapshots.CreateSnapshot();

        source.Built!.Fail();
        var result = await CheckAsync(host);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Data["problems"].ShouldBeOfType<string[]>().ShouldHaveSingleItem()
            .ShouldBe("the configuration could not be read: InvalidOperationException: the store is unreadable");
    }

    [Fact]
    public async Task CheckHealthAsync_FileFailedToLoad_DegradedUntilItLoadsAgain()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "A": true } }""");
        using var host = new TelemetryHost(new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false));
        host.Snapshots.CreateSnapshot();

        host.Time.Advance(TimeSpan.FromMinutes(5));
        File.WriteAllText(path, "{ broken");
        Should.Throw<InvalidDataException>(host.Configuration.Reload);
        var broken = await CheckAsync(host);

        broken.Status.ShouldBe(HealthStatus.Degraded);
        broken.Data["rejectedSince"].ShouldBe("2026-12-06T09:05:00.0000000+00:00");
        broken.Data["problems"].ShouldBeOfType<string[]>().ShouldHaveSingleItem().ShouldStartWith("flags.json: the file failed to load");

        File.WriteAllText(path, """{ "FeatureFlags": { "A": false } }""");
        host.Configuration.Reload();

        (await CheckAsync(host)).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task CheckHealthAsync_RemoteSourceDisconnected_DegradedWithSinceAndWhy()
    {
        var remote = new ConnectionSource();
        using var host = new TelemetryHost(new ConfigurationBuilder().Add(new ReplaceableSource(TwoFlags)).Add(remote));
        var connected = await CheckAsync(host);
        connected.Status.ShouldBe(HealthStatus.Healthy);
        connected.Data["store tcp://10.0.0.5"].ShouldBe("connected since 2026-12-06T08:00:00.0000000+00:00");

        remote.Built!.ConnectionStatus = new ConfigurationConnectionStatus(false, new DateTimeOffset(2026, 12, 6, 9, 30, 0, TimeSpan.Zero), "connection refused");
        var lost = await CheckAsync(host);

        lost.Status.ShouldBe(HealthStatus.Degraded);
        lost.Data["store tcp://10.0.0.5"].ShouldBe("disconnected since 2026-12-06T09:30:00.0000000+00:00: connection refused");
        lost.Description!.ShouldStartWith("store tcp://10.0.0.5 is disconnected since 2026-12-06T09:30:00.0000000+00:00: connection refused.");
    }

    public void Dispose() => _directory.Dispose();

    private static Task<HealthCheckResult> CheckAsync(TelemetryHost host)
    {
        var check = host.Services.GetRequiredService<FeatureFlagsHealthCheck>();
        return check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("feature-flags", check, HealthStatus.Unhealthy, null) });
    }

    /// <summary>A source whose provider reports a connection the test sets, as the etcd source reports its own.</summary>
    private sealed class ConnectionSource : IConfigurationSource
    {
        public Provider? Built { get; private set; }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Built = new Provider();

        internal sealed class Provider : ConfigurationProvider, IConfigurationConnection
        {
            public string ConnectionName => "store tcp://10.0.0.5";

            public ConfigurationConnectionStatus ConnectionStatus { get; set; } = new(true, new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        }
    }
}
