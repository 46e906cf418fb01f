using FeatureFlags.Etcd.Testing;

namespace FeatureFlags.Etcd.Tests;

/// <summary>A real etcd for a test class (see <see cref="EtcdProcess"/>): started before its tests, removed after.</summary>
public sealed class EtcdServer : IAsyncLifetime
{
    private readonly EtcdProcess _process = new();

    public string Endpoint => _process.Endpoint;

    public Task InitializeAsync() => _process.StartAsync();

    public Task StartAsync() => _process.StartAsync();

    /// <summary>Kills the process, as a crash or a lost host would; the data stays for <see cref="StartAsync"/>.</summary>
    public Task StopAsync() => _process.StopAsync();

    public async Task DisposeAsync() => await _process.DisposeAsync();
}
