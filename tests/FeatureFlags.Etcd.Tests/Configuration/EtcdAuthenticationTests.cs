using dotnet_etcd;
using Etcdserverpb;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Tests.Configuration;

/// <summary>The source and the writer against an etcd with authentication on: its own server, users and roles.</summary>
public sealed class EtcdAuthenticationTests : IAsyncLifetime
{
    private const string Password = "s3cret-for-tests";
    private readonly EtcdServer _server = new();
    private readonly string _prefix = "/featureflags/auth/";

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        using var client = new EtcdClient(_server.Endpoint);
        await client.UserAddAsync(new AuthUserAddRequest { Name = "root", Password = Password });
        await client.UserGrantRoleAsync(new AuthUserGrantRoleRequest { User = "root", Role = "root" });
        await client.AuthEnableAsync(new AuthEnableRequest());
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Credentials_Given_WriterAndSourceAuthenticate()
    {
        var options = Authenticated(FlagHost.Options(_server, _prefix));
        using var writer = new EtcdFlagWriter(options);
        var revision = await writer.SetAsync("Kill", "true", 0);

        using var host = FlagHost.Start(_server, _prefix, o => Authenticated(o));
        host.Snapshot().IsEnabled("Kill").ShouldBeTrue();

        var changed = host.ChangedAsync("Kill", "false");
        await writer.SetAsync("Kill", "false", revision);
        await changed;
    }

    [Fact]
    public void Credentials_Missing_StartFailsNamingTheEndpoint()
    {
        var error = Should.Throw<EtcdFlagsUnavailableException>(() => new ConfigurationManager().AddEtcdFlags(options =>
        {
            options.Endpoints.Add(_server.Endpoint);
            options.Prefix = _prefix;
        }));

        error.Message.ShouldContain(_server.Endpoint);
    }

    private static EtcdFlagsOptions Authenticated(EtcdFlagsOptions options)
    {
        options.Username = "root";
        options.Password = Password;
        return options;
    }
}
