using dotnet_etcd;
using Etcdserverpb;
using FeatureFlags.Etcd.Client;
using FeatureFlags.Etcd.Configuration;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Tests.Configuration;

/// <summary>The etcd source against a real server: load, watch, provenance, precedence, bad values.</summary>
public sealed class EtcdFlagsSourceTests(EtcdServer server) : IClassFixture<EtcdServer>
{
    private readonly string _prefix = $"/featureflags/test-{Guid.NewGuid():N}/";

    [Fact]
    public async Task Load_FlagsUnderPrefix_ServedWithTheirEtcdKeyAndRevision()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        await writer.SetAsync("NewCheckout", "true", 0);
        var revision = await writer.SetAsync("Beta", """{ "Enabled": true, "Users": ["alice"] }""", 0);

        using var host = FlagHost.Start(server, _prefix);
        var alice = host.Snapshot(new EvaluationContext("alice"));

        alice.IsEnabled("NewCheckout").ShouldBeTrue();
        var beta = alice.Explain("Beta");
        beta.Reason.ShouldBe(EvaluationReason.TargetedUser);
        beta.DecidingSource.ShouldNotBeNull().ToString().ShouldBe($"{_prefix}Beta (revision {revision}) in etcd");
        host.Snapshot(new EvaluationContext("bob")).IsEnabled("Beta").ShouldBeFalse();
    }

    [Fact]
    public async Task Watch_FlagWrittenAfterStart_ChangeLoggedWithEtcdSourceAndSwapped()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        var created = await writer.SetAsync("NewCheckout", "false", 0);
        using var host = FlagHost.Start(server, _prefix);
        var before = host.Snapshot();

        var changed = host.ChangedAsync("NewCheckout", "true");
        var revision = await writer.SetAsync("NewCheckout", "true", created);
        var entry = await changed;

        entry.Message.ShouldBe($"Feature flag NewCheckout changed from false to true (source: {_prefix}NewCheckout (revision {revision}) in etcd)");
        host.Snapshot().IsEnabled("NewCheckout").ShouldBeTrue();
        before.IsEnabled("NewCheckout").ShouldBeFalse();
    }

    [Fact]
    public async Task Watch_FlagDeleted_NoLongerConfigured()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        await writer.SetAsync("Keep", "true", 0);
        var revision = await writer.SetAsync("Old", "true", 0);
        using var host = FlagHost.Start(server, _prefix);

        var removed = host.Logs.WaitAsync(e => e.EventId.Id == 1001 && e.Message.StartsWith("Feature flag Old changed from true to (absent)", StringComparison.Ordinal));
        await writer.DeleteAsync("Old", revision);
        await removed;

        host.Snapshot().Explain("Old").Reason.ShouldBe(EvaluationReason.UnknownFlag);
        host.Snapshot().IsEnabled("Keep").ShouldBeTrue();
    }

    [Fact]
    public async Task Watch_ChangeBetweenLoadAndWatch_NotLost()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        var created = await writer.SetAsync("Gap", "false", 0);

        // The write lands after the range read and before the watch starts: the watch must begin at the read's revision + 1.
        using var host = FlagHost.StartWithGap(server, _prefix, async token => await writer.SetAsync("Gap", "true", created, token));

        await host.ChangedAsync("Gap", "true");
        host.Snapshot().IsEnabled("Gap").ShouldBeTrue();
    }

    [Fact]
    public async Task Precedence_FilesVariablesEtcdCommandLine_EtcdAfterFilesAndVariablesBeforeCommandLine()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "appsettings.json"), """{ "FeatureFlags": { "A": false, "B": false, "C": false } }""");
        var variables = $"FFETCD{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(variables + "FeatureFlags__B", "false");
        try
        {
            using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
            await writer.SetAllAsync([new("A", "true", 0), new("B", "true", 0), new("C", "true", 0)]);

            // As WebApplication.CreateBuilder lays them out: the host's own command line first, the application's last.
            using var host = FlagHost.Start(server, _prefix, before: builder => builder
                .AddCommandLine([])
                .SetBasePath(directory.Path)
                .AddJsonFile("appsettings.json")
                .AddEnvironmentVariables(variables)
                .AddCommandLine(["--FeatureFlags:C=false"]));
            var snapshot = host.Snapshot();

            snapshot.IsEnabled("A").ShouldBeTrue();
            snapshot.IsEnabled("B").ShouldBeTrue();
            snapshot.IsEnabled("C").ShouldBeFalse();
            snapshot.Explain("B").DecidingSource.ShouldNotBeNull().Provider.ShouldBe("etcd");
            snapshot.Explain("C").DecidingSource.ShouldNotBeNull().Provider.ShouldBe("command line");
            host.Configuration.Providers.Select(p => p.GetType().Name).Where(n => n != "MemoryConfigurationProvider").ShouldBe(
            [
                "CommandLineConfigurationProvider", "JsonConfigurationProvider", "EnvironmentVariablesConfigurationProvider", nameof(EtcdFlagsProvider), "CommandLineConfigurationProvider",
            ]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variables + "FeatureFlags__B", null);
        }
    }

    [Fact]
    public async Task Watch_MalformedValueWritten_ReloadRejectedNamingTheKeyAndLastGoodKept()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        await writer.SetAsync("Kill", "true", 0);
        using var host = FlagHost.Start(server, _prefix);
        var rejected = host.Logs.WaitAsync(e => e.EventId.Id == 1002);

        // What a hand-typed etcdctl put can leave: not JSON. The writer would refuse it, so it goes through the raw client.
        using var client = new EtcdClient(server.Endpoint);
        await client.PutAsync(_prefix + "Kill", """{ "Enabled": tru""");
        var error = await rejected;

        error.Message.ShouldContain("FeatureFlags:Kill");
        error.Message.ShouldContain($"{_prefix}Kill (revision ");
        host.Logs.WithEventId(1104).ShouldHaveSingleItem().Message.ShouldContain($"{_prefix}Kill");
        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();
    }

    [Fact]
    public async Task Watch_HistoryCompactedBeforeTheWatch_ReadsEverythingAgain()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        var created = await writer.SetAsync("Compacted", "false", 0);
        using var host = FlagHost.StartWithGap(server, _prefix, async token =>
        {
            // The revision the watch would resume from is compacted away before it starts.
            await writer.SetAsync("Compacted", "true", created, token);
            var revision = await writer.SetAsync("Other", "false", 0, token);
            using var client = new EtcdClient(server.Endpoint);
            await client.CompactAsync(new CompactionRequest { Revision = revision, Physical = true }, cancellationToken: token);
        });

        await host.ChangedAsync("Compacted", "true");
        host.Logs.WithEventId(1103).ShouldHaveSingleItem();
        host.Snapshot().IsEnabled("Compacted").ShouldBeTrue();
    }

    [Fact]
    public void Start_EtcdUnreachable_FailsNamingEndpointsAndPrefix()
    {
        var configuration = new ConfigurationManager();
        var unreachable = $"http://127.0.0.1:{FreePort()}";

        var error = Should.Throw<EtcdFlagsUnavailableException>(() => configuration.AddEtcdFlags(options =>
        {
            options.Endpoints.Add(unreachable);
            options.Prefix = _prefix;
            options.Timeout = TimeSpan.FromSeconds(1);
        }));

        error.Message.ShouldContain(unreachable);
        error.Message.ShouldContain(_prefix);
        error.Message.ShouldContain(nameof(EtcdFlagsOptions.StartWithoutEtcd));
    }

    [Fact]
    public void AddEtcdFlags_PrefixWithoutSlash_ThrowsNamingTheOption()
    {
        var error = Should.Throw<ArgumentException>(() => new ConfigurationManager().AddEtcdFlags(options => options.Prefix = "/featureflags/Production"));

        error.Message.ShouldContain("Prefix must end with '/'");
    }

    [Fact]
    public void AddEtcdFlags_NoPrefixGiven_DefaultsToTheHostEnvironment()
    {
        var configuration = new ConfigurationManager();
        configuration["environment"] = "Staging";

        using var writer = new EtcdFlagWriter(new EtcdFlagsOptions { Environment = "Staging" });

        writer.Prefix.ShouldBe("/featureflags/Staging/");
        EtcdSettings.From(new EtcdFlagsOptions(), configuration["environment"]).Prefix.ShouldBe("/featureflags/Staging/");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
