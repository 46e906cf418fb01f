using Etcdserverpb;
using FeatureFlags.Etcd.Client;
using FeatureFlags.Etcd.Configuration;
using FeatureFlags.Validation;
using Google.Protobuf;
using Grpc.Core;

namespace FeatureFlags.Etcd;

/// <summary>
/// Reads and writes flags in etcd under the same prefix the source reads. Every value is validated with the
/// configuration rules before it is written, so an invalid flag never reaches the store, and every write is an etcd
/// transaction on the key's revision, so two operators cannot overwrite each other silently.
/// </summary>
/// <remarks>Thread-safe. Dispose it to close its connection.</remarks>
public sealed class EtcdFlagWriter : IDisposable
{
    private readonly EtcdSettings _settings;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private EtcdConnection? _connection;

    /// <summary>Creates a writer for the endpoints, prefix and credentials of <paramref name="options"/>.</summary>
    /// <param name="options">The same options the source is given; the environment comes from <see cref="EtcdFlagsOptions.Environment"/> or the process's environment variables.</param>
    public EtcdFlagWriter(EtcdFlagsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = EtcdSettings.From(options, hostEnvironment: null);
    }

    /// <summary>Gets the key prefix written under, such as <c>/featureflags/Production/</c>.</summary>
    public string Prefix => _settings.Prefix;

    /// <summary>Reads a flag's value and revision.</summary>
    /// <param name="flag">The flag's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, with <see cref="EtcdFlagValue.Json"/> null and revision 0 when the key does not exist.</returns>
    public async Task<EtcdFlagValue> GetAsync(string flag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8(_settings.Prefix + flag) };
        var response = await CallAsync((c, token) => c.Client.GetAsync(request, c.Headers, c.Deadline, token), cancellationToken).ConfigureAwait(false);
        return response.Kvs.Count == 0
            ? new EtcdFlagValue(flag, null, 0)
            : new EtcdFlagValue(flag, response.Kvs[0].Value.ToStringUtf8(), response.Kvs[0].ModRevision);
    }

    /// <summary>Validates and writes one flag, if it still has <paramref name="expectedRevision"/>.</summary>
    /// <param name="flag">The flag's name.</param>
    /// <param name="json">The value: <c>true</c>, <c>false</c> or an object of the configuration schema.</param>
    /// <param name="expectedRevision">The revision last read (<see cref="EtcdFlagValue.ModRevision"/>); 0 to create the flag.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The store's revision after the write.</returns>
    /// <exception cref="FlagConfigurationException">The name or the value breaks the configuration rules; nothing was written.</exception>
    /// <exception cref="EtcdFlagConflictException">The flag changed since it was read; nothing was written.</exception>
    public Task<long> SetAsync(string flag, string json, long expectedRevision, CancellationToken cancellationToken = default) =>
        SetAllAsync([new EtcdFlagChange(flag, json, expectedRevision)], cancellationToken);

    /// <summary>Validates and writes several flags in one transaction: all of them, or none when any has changed.</summary>
    /// <param name="changes">The flags, values and expected revisions.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The store's revision after the write; readers see all the changes at once.</returns>
    /// <exception cref="FlagConfigurationException">A name or a value breaks the configuration rules; nothing was written.</exception>
    /// <exception cref="EtcdFlagConflictException">A flag changed since it was read; nothing was written.</exception>
    public async Task<long> SetAllAsync(IEnumerable<EtcdFlagChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var list = changes.ToList();
        Validate(list);

        var transaction = new TxnRequest();
        foreach (var change in list)
        {
            var key = ByteString.CopyFromUtf8(_settings.Prefix + change.Flag);
            transaction.Compare.Add(new Compare
            {
                Key = key,
                Target = Compare.Types.CompareTarget.Mod,
                Result = Compare.Types.CompareResult.Equal,
                ModRevision = change.ExpectedRevision,
            });
            transaction.Success.Add(new RequestOp { RequestPut = new PutRequest { Key = key, Value = ByteString.CopyFromUtf8(change.Json) } });
            transaction.Failure.Add(new RequestOp { RequestRange = new RangeRequest { Key = key } });
        }

        var response = await CallAsync((c, token) => c.Client.TransactionAsync(transaction, c.Headers, c.Deadline, token), cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded)
        {
            var conflicts = list
                .Select((change, i) => (change.Flag, Expected: change.ExpectedRevision, Actual: response.Responses[i].ResponseRange.Kvs.FirstOrDefault()?.ModRevision ?? 0))
                .Where(c => c.Expected != c.Actual)
                .ToList();
            throw new EtcdFlagConflictException(conflicts);
        }

        return response.Header.Revision;
    }

    /// <summary>Deletes a flag from etcd, if it still has <paramref name="expectedRevision"/>: configuration then no longer sets it.</summary>
    /// <param name="flag">The flag's name.</param>
    /// <param name="expectedRevision">The revision last read.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>The store's revision after the delete.</returns>
    /// <exception cref="EtcdFlagConflictException">The flag changed since it was read; nothing was deleted.</exception>
    public async Task<long> DeleteAsync(string flag, long expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var key = ByteString.CopyFromUtf8(_settings.Prefix + flag);
        var transaction = new TxnRequest();
        transaction.Compare.Add(new Compare { Key = key, Target = Compare.Types.CompareTarget.Mod, Result = Compare.Types.CompareResult.Equal, ModRevision = expectedRevision });
        transaction.Success.Add(new RequestOp { RequestDeleteRange = new DeleteRangeRequest { Key = key } });
        transaction.Failure.Add(new RequestOp { RequestRange = new RangeRequest { Key = key } });
        var response = await CallAsync((c, token) => c.Client.TransactionAsync(transaction, c.Headers, c.Deadline, token), cancellationToken).ConfigureAwait(false);
        if (!response.Succeeded)
        {
            throw new EtcdFlagConflictException([(flag, expectedRevision, response.Responses[0].ResponseRange.Kvs.FirstOrDefault()?.ModRevision ?? 0)]);
        }

        return response.Header.Revision;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection?.Dispose();
        _opening.Dispose();
    }

    private void Validate(IReadOnlyList<EtcdFlagChange> changes)
    {
        var problems = new List<FlagProblem>();
        foreach (var change in changes)
        {
            var path = _settings.Section + ":" + change.Flag;
            if (!FlagRules.IsValidFlagName(change.Flag))
            {
                problems.Add(new FlagProblem(path, FlagRules.InvalidNameMessage(change.Flag), null));
                continue;
            }

            FlagNode node;
            try
            {
                node = FlagJson.ToNode(change.Json);
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add(new FlagProblem(path, "is not JSON (" + e.Message + "); give true, false or an object such as { \"Enabled\": true, \"Rollout\": 10 }", null));
                continue;
            }

            FlagRules.Parse(path, node, declaredKind: null, problems);
        }

        if (problems.Count > 0)
        {
            throw new FlagConfigurationException(problems.Select(p => p.ToString()));
        }
    }

    /// <summary>
    /// Runs <paramref name="call"/> on the writer's connection. etcd's authentication tokens expire (after five minutes by
    /// default): a call refused as unauthenticated gets a new connection and token, and runs once more.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<EtcdConnection, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated && _settings.Username is not null)
        {
            await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (ReferenceEquals(_connection, connection))
                {
                    _connection = null;
                    connection.Dispose();
                }
            }
            finally
            {
                _opening.Release();
            }

            return await call(await ConnectionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<EtcdConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _connection ??= await EtcdConnection.OpenAsync(_settings.Endpoints[0], _settings, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _opening.Release();
        }
    }
}
