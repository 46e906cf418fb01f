using System.Net.Security;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeatureFlags.Etcd.Client;

/// <summary>The options as the source uses them, resolved once: endpoints, prefix and section fixed, defaults applied. Immutable.</summary>
internal sealed class EtcdSettings
{
    public const string DefaultEndpoint = "http://127.0.0.1:2379";

    private EtcdSettings(EtcdFlagsOptions options, string prefix)
    {
        Endpoints = options.Endpoints.Count == 0 ? [DefaultEndpoint] : options.Endpoints.ToArray();
        Prefix = prefix;
        Section = options.Section;
        Username = options.Username;
        Password = options.Password;
        ConfigureChannel = options.ConfigureChannel;
        ConfigureTls = options.ConfigureTls;
        Timeout = options.Timeout;
        StartWithoutEtcd = options.StartWithoutEtcd;
        CacheFile = options.CacheFile;
        ReconnectDelay = options.ReconnectDelay;
        MaxReconnectDelay = options.MaxReconnectDelay;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("FeatureFlags.Etcd");
        TimeProvider = options.TimeProvider;
    }

    public string[] Endpoints { get; }

    public string Prefix { get; }

    public string Section { get; }

    public string? Username { get; }

    public string? Password { get; }

    public Action<GrpcChannelOptions>? ConfigureChannel { get; }

    public Action<SslClientAuthenticationOptions>? ConfigureTls { get; }

    public TimeSpan Timeout { get; }

    public bool StartWithoutEtcd { get; }

    public string? CacheFile { get; }

    public TimeSpan ReconnectDelay { get; }

    public TimeSpan MaxReconnectDelay { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>The endpoints as messages name them.</summary>
    public string EndpointList => string.Join(", ", Endpoints);

    /// <summary>
    /// Resolves <paramref name="options"/>; <paramref name="hostEnvironment"/> is the environment the host's configuration
    /// names, if any.
    /// </summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public static EtcdSettings From(EtcdFlagsOptions options, string? hostEnvironment)
    {
        var environment = options.Environment
            ?? hostEnvironment
            ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        var prefix = options.Prefix ?? $"/featureflags/{environment}/";
        if (prefix.Length == 0 || !prefix.EndsWith('/'))
        {
            throw new ArgumentException($"EtcdFlagsOptions.Prefix must end with '/', so that it holds whole flag names: '{prefix}'.", nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero || options.ReconnectDelay <= TimeSpan.Zero || options.MaxReconnectDelay < options.ReconnectDelay)
        {
            throw new ArgumentException("EtcdFlagsOptions: Timeout and ReconnectDelay must be positive, and MaxReconnectDelay at least ReconnectDelay.", nameof(options));
        }

        foreach (var endpoint in options.Endpoints)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"EtcdFlagsOptions.Endpoints: '{endpoint}' is not an http:// or https:// address such as {DefaultEndpoint}.", nameof(options));
            }
        }

        return new EtcdSettings(options, prefix);
    }
}
