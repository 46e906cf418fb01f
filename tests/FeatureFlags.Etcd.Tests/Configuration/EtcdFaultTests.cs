using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Tests.Configuration;

/// <summary>The source when etcd goes away and comes back: each test has its own server, which it stops and restarts.</summary>
public sealed class EtcdFaultTests : IAsyncLifetime
{
    private readonly EtcdServer _server = new();
    private readonly string _prefix = $"/featureflags/fault-{Guid.NewGuid():N}/";

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Watch_ServerKilledAndRestarted_KeepsFlagsWarnsOnceAndResumes()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(_server, _prefix));
        var created = await writer.SetAsync("Kill", "false", 0);
        using var host = FlagHost.Start(_server, _prefix);
        await host.Logs.WaitAsync(e => e.EventId.Id == 1107);

        var lost = host.Logs.WaitAsync(e => e.EventId.Id == 1101);
        await _server.StopAsync();
        await lost;

        // Readers never wait on etcd: the last good flags answer while it is down.
        host.Snapshot().IsEnabled("Kill").ShouldBeFalse();

        var reconnected = host.Logs.WaitAsync(e => e.EventId.Id == 1102);
        await _server.StartAsync();
        await reconnected;
        var changed = host.ChangedAsync("Kill", "true");
        await writer.SetAsync("Kill", "true", created);
        await changed;

        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();
        host.Logs.WithEventId(1101).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task HealthCheck_ServerKilledAndRestarted_DegradedWhileDisconnected()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(_server, _prefix));
        await writer.SetAsync("Kill", "false", 0);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        using var host = FlagHost.Start(_server, _prefix, options => options.TimeProvider = clock);
        await host.Logs.WaitAsync(e => e.EventId.Id == 1107);
        var name = $"etcd {_server.Endpoint} {_prefix}";

        var healthy = await host.CheckHealthAsync();
        healthy.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        healthy.Data[name].ShouldBe("connected since 2026-12-06T09:00:00.0000000+00:00");

        clock.Advance(TimeSpan.FromMinutes(1));
        var lost = host.Logs.WaitAsync(e => e.EventId.Id == 1101);
        await _server.StopAsync();
        await lost;
        var degraded = await host.CheckHealthAsync();

        degraded.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);
        degraded.Data[name].ShouldBeOfType<string>().ShouldStartWith("disconnected since 2026-12-06T09:01:00.0000000+00:00: ");
        degraded.Description.ShouldStartWith($"{name} is disconnected since 2026-12-06T09:01:00.0000000+00:00");

        var reconnected = host.Logs.WaitAsync(e => e.EventId.Id == 1102);
        await _server.StartAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        await reconnected;

        var again = await host.CheckHealthAsync();
        again.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
        again.Data[name].ShouldBe("connected since 2026-12-06T09:01:10.0000000+00:00");
    }

    [Fact]
    public async Task Watch_ChangedWhileDisconnected_AppliedFromTheLastSeenRevision()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(_server, _prefix));
        var created = await writer.SetAsync("Kill", "false", 0);
        var clock = new FakeTimeProvider();
        using var host = FlagHost.Start(_server, _prefix, options => options.TimeProvider = clock);
        await host.Logs.WaitAsync(e => e.EventId.Id == 1107);

        await _server.StopAsync();
        await host.Logs.WaitAsync(e => e.EventId.Id == 1101);
        await _server.StartAsync();

        // Written while this instance waits to reconnect (its clock holds the wait): the resumed watch must replay it.
        var revision = await writer.SetAsync("Kill", "true", created);
        host.Snapshot().IsEnabled("Kill").ShouldBeFalse();
        var changed = host.ChangedAsync("Kill", "true");
        clock.Advance(TimeSpan.FromSeconds(10));
        var entry = await changed;

        entry.Message.ShouldContain($"(revision {revision}) in etcd");
        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();
        host.Logs.WithEventId(1102).ShouldHaveSingleItem().Message.ShouldContain($"from revision {created + 1}");
    }

    [Fact]
    public async Task Start_UnreachableWithCacheFile_StartsFromCacheThenFollowsEtcd()
    {
        using var directory = new TempDirectory();
        var cache = Path.Combine(directory.Path, "etcd-flags.json");
        using var writer = new EtcdFlagWriter(FlagHost.Options(_server, _prefix));
        var created = await writer.SetAsync("Kill", "true", 0);
        using (FlagHost.Start(_server, _prefix, options => options.CacheFile = cache))
        {
            File.Exists(cache).ShouldBeTrue();
        }

        await _server.StopAsync();
        using var host = FlagHost.Start(_server, _prefix, options =>
        {
            options.CacheFile = cache;
            options.StartWithoutEtcd = true;
            options.Timeout = TimeSpan.FromSeconds(1);
        });

        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();
        host.Logs.WithEventId(1105).ShouldHaveSingleItem().Message.ShouldContain(cache);

        var connected = host.Logs.WaitAsync(e => e.EventId.Id == 1102);
        await _server.StartAsync();
        await connected;
        var changed = host.ChangedAsync("Kill", "false");
        await writer.SetAsync("Kill", "false", created);
        await changed;
        host.Snapshot().IsEnabled("Kill").ShouldBeFalse();
    }

    [Fact]
    public async Task Start_UnreachableWithoutCache_StartsFromTheOtherSources()
    {
        await _server.StopAsync();
        using var host = FlagHost.Start(
            _server,
            _prefix,
            options =>
            {
                options.StartWithoutEtcd = true;
                options.Timeout = TimeSpan.FromSeconds(1);
            },
            before: builder => builder.AddInMemoryCollection(new Dictionary<string, string?> { ["FeatureFlags:Kill"] = "true" }));

        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();
        host.Logs.WithEventId(1105).ShouldHaveSingleItem().Message.ShouldContain("no cached etcd values");
    }
}
