using System.Collections;
using Etcdserverpb;
using FeatureFlags.Etcd.Client;
using FeatureFlags.Etcd.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Configuration;

/// <summary>
/// Every flag under one etcd prefix as configuration: loaded with one range read, then watched from the loaded revision
/// + 1, so no change between the load and the watch is lost. Each change replaces the data as a whole (readers of the
/// old data are never disturbed) and fires the reload token; the core re-reads, validates and swaps. A lost connection
/// keeps the last data and resumes the watch from the last revision seen, or reads everything again when etcd has
/// compacted that revision away.
/// </summary>
/// <remarks>
/// Thread-safe: the data and the entries are replaced together, never changed in place. The connection state, for the
/// health check, is one immutable status swapped as the watch connects and loses etcd.
/// </remarks>
internal sealed class EtcdFlagsProvider : ConfigurationProvider, IConfigurationProvenance, IConfigurationConnection, IEnumerable<KeyValuePair<string, string?>>, IDisposable
{
    private readonly EtcdSettings _settings;
    private readonly CancellationTokenSource _stopping = new();
    private readonly EtcdCacheFile? _cache;
    private State _state = State.Empty;
    private Task? _watching;
    private int _endpointIndex;

    // Whether the watch stream is open; only the watch loop reads and writes it.
    private bool _connected;
    // Null until the first load tries etcd.
    private volatile ConfigurationConnectionStatus? _status;

    public EtcdFlagsProvider(EtcdSettings settings)
    {
        _settings = settings;
        _cache = settings.CacheFile is null ? null : new EtcdCacheFile(settings.CacheFile, settings.Logger);
    }

    public string ConnectionName => ToString();

    public ConfigurationConnectionStatus ConnectionStatus =>
        _status ?? new ConfigurationConnectionStatus(false, _settings.TimeProvider.GetUtcNow(), "not loaded yet");

    /// <summary>The store revision the data reflects: every change up to it is applied.</summary>
    public long Revision => Volatile.Read(ref _state).Revision;

    /// <summary>Runs after the first read and before the watch starts; tests use it to change etcd in between.</summary>
    internal Func<CancellationToken, Task>? BeforeWatch { get; init; }

    public string SourceName => "etcd";

    /// <summary>The flag's etcd key and the revision that last set it: <c>/featureflags/Production/NewCheckout (revision 42)</c>.</summary>
    public string KeyOf(string path)
    {
        var state = Volatile.Read(ref _state);
        var flag = FlagOf(path);
        if (flag is null)
        {
            return _settings.Prefix;
        }

        return state.Entries.TryGetValue(flag, out var entry)
            ? $"{_settings.Prefix}{entry.Flag} (revision {entry.ModRevision})"
            : _settings.Prefix + flag;
    }

    /// <summary>
    /// Reads every flag under the prefix, once; later calls (a configuration reload) keep the data the watch maintains, so
    /// nothing ever waits on etcd after start.
    /// </summary>
    /// <exception cref="EtcdFlagsUnavailableException">etcd is unreachable at start and the options do not allow starting without it.</exception>
    public override void Load()
    {
        if (_watching is not null)
        {
            return;
        }

        try
        {
            using var connection = OpenAsync(_stopping.Token).GetAwaiter().GetResult();
            var response = connection.ReadPrefixAsync(_settings.Prefix, _stopping.Token).GetAwaiter().GetResult();
            Replace(State.From(response, _settings.Prefix), fireReload: false);
            Connected();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (!_settings.StartWithoutEtcd)
            {
                throw new EtcdFlagsUnavailableException(
                    $"Could not read the feature flags under '{_settings.Prefix}' from etcd at {_settings.EndpointList} within {_settings.Timeout.TotalSeconds:0.#} s: {e.Message}. " +
                    "Check that etcd runs and is reachable, or set EtcdFlagsOptions.StartWithoutEtcd to start from the other sources and a cache file.",
                    e);
            }

            Disconnected(e);
            var cached = _cache?.Read();
            EtcdLog.StartedWithout(_settings.Logger, _settings.EndpointList, cached is null ? "no cached etcd values" : $"the cache file {_settings.CacheFile}", e);
            Replace(cached is null ? State.Empty : State.From(cached), fireReload: false);

            // The cache's revision may be long gone: read everything once connected.
            _watching = Task.Run(() => WatchLoopAsync(readFirst: true));
            return;
        }

        _watching = Task.Run(async () =>
        {
            if (BeforeWatch is { } beforeWatch)
            {
                await beforeWatch(_stopping.Token).ConfigureAwait(false);
            }

            await WatchLoopAsync(readFirst: false).ConfigureAwait(false);
        });
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Volatile.Read(ref _state).Data.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _watching?.Wait(_settings.Timeout);
        }
        catch (AggregateException)
        {
            // Stopping: the loop's end is all that matters.
        }

        // A loop still unwinding reads the token: the source is only released once it has ended.
        if (_watching is null || _watching.IsCompleted)
        {
            _stopping.Dispose();
        }
    }

    public override string ToString() => $"etcd {_settings.EndpointList} {_settings.Prefix}";

    private async Task WatchLoopAsync(bool readFirst)
    {
        var token = _stopping.Token;
        var delay = _settings.ReconnectDelay;
        var lost = readFirst;
        while (!token.IsCancellationRequested)
        {
            EtcdConnection? connection = null;
            try
            {
                connection = await OpenAsync(token).ConfigureAwait(false);
                if (readFirst)
                {
                    Replace(State.From(await connection.ReadPrefixAsync(_settings.Prefix, token).ConfigureAwait(false), _settings.Prefix), fireReload: true);
                    readFirst = false;
                }

                await WatchAsync(connection, lost, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (HistoryCompactedException e)
            {
                EtcdLog.HistoryCompacted(_settings.Logger, e.CompactRevision, _settings.Prefix);
                readFirst = true;
                continue;
            }
            catch (Exception e)
            {
                if (_connected || !lost)
                {
                    // One warning per outage, not one per attempt.
                    EtcdLog.ConnectionLost(_settings.Logger, connection?.Endpoint ?? _settings.EndpointList, e);
                }

                _connected = false;
                lost = true;
                Disconnected(e);
                _endpointIndex++;
                try
                {
                    await Task.Delay(delay, _settings.TimeProvider, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = delay * 2 < _settings.MaxReconnectDelay ? delay * 2 : _settings.MaxReconnectDelay;
                continue;
            }
            finally
            {
                connection?.Dispose();
            }

            delay = _settings.ReconnectDelay;
        }
    }

    private async Task WatchAsync(EtcdConnection connection, bool reconnecting, CancellationToken token)
    {
        var from = Revision + 1;
        using var call = connection.Watch.Watch(connection.Headers, cancellationToken: token);
        await call.RequestStream.WriteAsync(new WatchRequest
        {
            CreateRequest = new WatchCreateRequest
            {
                Key = ByteString.CopyFromUtf8(_settings.Prefix),
                RangeEnd = EtcdConnection.RangeEnd(_settings.Prefix),
                StartRevision = from,
            },
        }, token).ConfigureAwait(false);

        await foreach (var response in call.ResponseStream.ReadAllAsync(token).ConfigureAwait(false))
        {
            if (response.CompactRevision > 0)
            {
                throw new HistoryCompactedException(response.CompactRevision);
            }

            if (response.Canceled)
            {
                throw new IOException($"etcd cancelled the watch of {_settings.Prefix}: {response.CancelReason}");
            }

            if (response.Created)
            {
                _connected = true;
                Connected();
                if (reconnecting)
                {
                    EtcdLog.Reconnected(_settings.Logger, connection.Endpoint, _settings.Prefix, from);
                }
                else
                {
                    EtcdLog.Connected(_settings.Logger, connection.Endpoint, _settings.Prefix, from);
                }
            }

            if (response.Events.Count > 0)
            {
                // One response carries one or more whole revisions (a transaction's puts arrive together): applied
                // together, they reach readers as one change.
                Replace(Volatile.Read(ref _state).Apply(response.Events, _settings.Prefix), fireReload: true);
            }
        }

        throw new IOException($"etcd closed the watch of {_settings.Prefix}");
    }

    private async Task<EtcdConnection> OpenAsync(CancellationToken token)
    {
        var endpoint = _settings.Endpoints[(int)((uint)_endpointIndex % (uint)_settings.Endpoints.Length)];
        return await EtcdConnection.OpenAsync(endpoint, _settings, token).ConfigureAwait(false);
    }

    private void Replace(State state, bool fireReload)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in state.Entries.Values)
        {
            var path = _settings.Section + ":" + entry.Flag;
            if (FlagJson.Flatten(path, entry.Json, data) is { } error)
            {
                EtcdLog.MalformedValue(_settings.Logger, _settings.Prefix + entry.Flag, entry.ModRevision, error);
            }
        }

        state = state with { Data = data };
        Volatile.Write(ref _state, state);
        Data = data;
        _cache?.Write(state.Entries.Values, state.Revision);
        if (fireReload)
        {
            OnReload();
        }
    }

    private void Connected()
    {
        if (_status is not { IsConnected: true })
        {
            _status = new ConfigurationConnectionStatus(true, _settings.TimeProvider.GetUtcNow());
        }
    }

    /// <summary>Marks the source disconnected; an outage is dated by its first failure, and shows its latest error.</summary>
    private void Disconnected(Exception error)
    {
        var since = _status is { IsConnected: false } outage ? outage.Since : _settings.TimeProvider.GetUtcNow();
        _status = new ConfigurationConnectionStatus(false, since, error.Message);
    }

    /// <summary>The flag a configuration path names: the segment after the section.</summary>
    private string? FlagOf(string path)
    {
        if (path.Length <= _settings.Section.Length + 1 || !path.StartsWith(_settings.Section + ":", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var start = _settings.Section.Length + 1;
        var end = path.IndexOf(':', start);
        return end < 0 ? path[start..] : path[start..end];
    }

    /// <summary>The entries by flag name, the data they flatten to, and the revision they reflect. Immutable.</summary>
    private sealed record State(IReadOnlyDictionary<string, EtcdEntry> Entries, IReadOnlyDictionary<string, string?> Data, long Revision)
    {
        public static readonly State Empty = new(new Dictionary<string, EtcdEntry>(), new Dictionary<string, string?>(), 0);

        public static State From(RangeResponse response, string prefix)
        {
            var entries = new Dictionary<string, EtcdEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var kv in response.Kvs)
            {
                var key = kv.Key.ToStringUtf8();
                entries[key[prefix.Length..]] = new EtcdEntry(key[prefix.Length..], kv.Value.ToStringUtf8(), kv.ModRevision);
            }

            return new State(entries, Empty.Data, response.Header.Revision);
        }

        public static State From(EtcdCacheFile.Contents cached) =>
            new(cached.Entries.ToDictionary(e => e.Flag, StringComparer.OrdinalIgnoreCase), Empty.Data, cached.Revision);

        public State Apply(IEnumerable<Mvccpb.Event> events, string prefix)
        {
            var entries = new Dictionary<string, EtcdEntry>((IDictionary<string, EtcdEntry>)Entries, StringComparer.OrdinalIgnoreCase);
            var revision = Revision;
            foreach (var change in events)
            {
                var flag = change.Kv.Key.ToStringUtf8()[prefix.Length..];
                if (change.Type == Mvccpb.Event.Types.EventType.Delete)
                {
                    entries.Remove(flag);
                }
                else
                {
                    entries[flag] = new EtcdEntry(flag, change.Kv.Value.ToStringUtf8(), change.Kv.ModRevision);
                }

                revision = Math.Max(revision, change.Kv.ModRevision);
            }

            return new State(entries, Data, revision);
        }
    }

    private sealed class HistoryCompactedException(long compactRevision) : Exception($"etcd compacted its history to revision {compactRevision}")
    {
        public long CompactRevision { get; } = compactRevision;
    }
}
