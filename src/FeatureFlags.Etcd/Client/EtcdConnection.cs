using dotnet_etcd;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace FeatureFlags.Etcd.Client;

/// <summary>
/// One gRPC channel to one etcd endpoint, with dotnet-etcd's clients over it: its key-value client for reads, writes and
/// transactions, and its generated watch client, driven directly so that the source decides how a lost stream resumes.
/// Thread-safe; disposing closes the channel.
/// </summary>
internal sealed class EtcdConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly TimeSpan _timeout;

    private EtcdConnection(string endpoint, GrpcChannel channel, TimeSpan timeout)
    {
        Endpoint = endpoint;
        _channel = channel;
        _timeout = timeout;
        var invoker = channel.CreateCallInvoker();
        Client = new EtcdClient(invoker);
        Watch = new Watch.WatchClient(invoker);
    }

    public string Endpoint { get; }

    public EtcdClient Client { get; }

    public Watch.WatchClient Watch { get; }

    /// <summary>The headers every call carries: the authentication token, when etcd asks for one.</summary>
    public Metadata Headers { get; private set; } = [];

    public DateTime Deadline => DateTime.UtcNow + _timeout;

    /// <summary>Opens a channel to <paramref name="endpoint"/> and authenticates when a user is configured.</summary>
    public static async Task<EtcdConnection> OpenAsync(string endpoint, EtcdSettings settings, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler
        {
            // A server that vanishes without closing the connection is noticed within seconds, not at the next write.
            KeepAlivePingDelay = TimeSpan.FromSeconds(5),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            ConnectTimeout = settings.Timeout,
            EnableMultipleHttp2Connections = true,
        };
        settings.ConfigureTls?.Invoke(handler.SslOptions);
        var options = new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true };
        settings.ConfigureChannel?.Invoke(options);
        var connection = new EtcdConnection(endpoint, GrpcChannel.ForAddress(endpoint, options), settings.Timeout);
        try
        {
            if (settings.Username is not null)
            {
                var response = await connection.Client.AuthenticateAsync(
                    new AuthenticateRequest { Name = settings.Username, Password = settings.Password ?? string.Empty },
                    null,
                    connection.Deadline,
                    cancellationToken).ConfigureAwait(false);
                connection.Headers = new Metadata { { "token", response.Token } };
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every key under <paramref name="prefix"/>, with the store's revision at the read: one range read.</summary>
    public async Task<RangeResponse> ReadPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        await Client.GetRangeAsync(prefix, Headers, Deadline, cancellationToken).ConfigureAwait(false);

    public void Dispose() => _channel.Dispose();

    /// <summary>The end of the key range that holds every key starting with <paramref name="prefix"/>, as etcd defines it.</summary>
    public static ByteString RangeEnd(string prefix)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(prefix);
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            if (bytes[i] < 0xff)
            {
                bytes[i]++;
                return ByteString.CopyFrom(bytes, 0, i + 1);
            }
        }

        // A prefix of only 0xff bytes: every key from it on.
        return ByteString.CopyFrom(0);
    }
}
