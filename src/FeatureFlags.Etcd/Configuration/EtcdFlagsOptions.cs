using System.Net.Security;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Etcd;

/// <summary>
/// How the etcd flags source connects and where it reads. Set once, before the source is added; the source copies
/// what it needs and never reads the options again.
/// </summary>
public sealed class EtcdFlagsOptions
{
    /// <summary>Gets the etcd endpoints, tried in turn: <c>http://host:2379</c>, or <c>https://</c> for TLS. Default: <c>http://127.0.0.1:2379</c>.</summary>
    public IList<string> Endpoints { get; } = new List<string>();

    /// <summary>
    /// Gets or sets the key prefix, ending with <c>/</c>. Default: <c>/featureflags/{environment}/</c>, with the environment from
    /// <see cref="Environment"/>.
    /// </summary>
    public string? Prefix { get; set; }

    /// <summary>
    /// Gets or sets the environment the default prefix names. Default: the host's environment (the configuration's
    /// <c>environment</c> key, then <c>DOTNET_ENVIRONMENT</c> and <c>ASPNETCORE_ENVIRONMENT</c>), else <c>Production</c> as the host assumes.
    /// </summary>
    public string? Environment { get; set; }

    /// <summary>Gets or sets the configuration section the flags appear under. Default: <c>FeatureFlags</c>; set it when the flag options' section differs.</summary>
    public string Section { get; set; } = "FeatureFlags";

    /// <summary>Gets or sets the user name, when etcd has authentication enabled; with <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password of <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Gets or sets a hook for the TLS of <c>https://</c> endpoints: a private certificate authority
    /// (<see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>), client certificates.
    /// Default: the system's trust store.
    /// </summary>
    public Action<SslClientAuthenticationOptions>? ConfigureTls { get; set; }

    /// <summary>Gets or sets a hook for the gRPC channel of each endpoint, applied last: message sizes, a handler of your own.</summary>
    public Action<GrpcChannelOptions>? ConfigureChannel { get; set; }

    /// <summary>Gets or sets how long one read or write may take before it fails. Default: 5 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets whether the application starts when etcd cannot be reached: it then starts from the other sources and
    /// <see cref="CacheFile"/>, and keeps connecting. Default: <see langword="false"/>, start-up fails naming the endpoints.
    /// </summary>
    public bool StartWithoutEtcd { get; set; }

    /// <summary>
    /// Gets or sets a file that keeps the last values read from etcd, written after every change, read at start when etcd is
    /// unreachable and <see cref="StartWithoutEtcd"/> is set. Default: none.
    /// </summary>
    public string? CacheFile { get; set; }

    /// <summary>Gets or sets the first wait before reconnecting; it doubles on every failure, up to <see cref="MaxReconnectDelay"/>. Default: 100 ms.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest wait between reconnection attempts. Default: 10 seconds.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets where the source logs connection loss, reconnection and malformed values. Default: none.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the clock the reconnection waits use. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
