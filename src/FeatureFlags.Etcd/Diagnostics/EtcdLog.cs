using Microsoft.Extensions.Logging;

namespace FeatureFlags.Etcd.Diagnostics;

/// <summary>The etcd source's log messages, category <c>FeatureFlags.Etcd</c>. Event ids are stable (1101–1107).</summary>
internal static partial class EtcdLog
{
    [LoggerMessage(EventId = 1101, EventName = "EtcdConnectionLost", Level = LogLevel.Warning,
        Message = "Lost the connection to etcd at {Endpoint}; the last good feature flags stay in force while the source reconnects")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(EventId = 1102, EventName = "EtcdReconnected", Level = LogLevel.Information,
        Message = "Reconnected to etcd at {Endpoint}; watching {Prefix} again from revision {Revision}")]
    public static partial void Reconnected(ILogger logger, string endpoint, string prefix, long revision);

    [LoggerMessage(EventId = 1103, EventName = "EtcdHistoryCompacted", Level = LogLevel.Information,
        Message = "etcd compacted its history past revision {Revision}; reading every flag under {Prefix} again")]
    public static partial void HistoryCompacted(ILogger logger, long revision, string prefix);

    [LoggerMessage(EventId = 1104, EventName = "EtcdMalformedValue", Level = LogLevel.Warning,
        Message = "etcd key {Key} (revision {Revision}) does not hold JSON: {Error}")]
    public static partial void MalformedValue(ILogger logger, string key, long revision, string error);

    [LoggerMessage(EventId = 1105, EventName = "EtcdStartedWithout", Level = LogLevel.Warning,
        Message = "etcd at {Endpoints} is unreachable at start; starting from {Cache} and the other sources, and connecting in the background")]
    public static partial void StartedWithout(ILogger logger, string endpoints, string cache, Exception exception);

    [LoggerMessage(EventId = 1106, EventName = "EtcdCacheFailed", Level = LogLevel.Warning,
        Message = "Could not use the etcd cache file {File}")]
    public static partial void CacheFailed(ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 1107, EventName = "EtcdConnected", Level = LogLevel.Information,
        Message = "Connected to etcd at {Endpoint}; watching {Prefix} from revision {Revision}")]
    public static partial void Connected(ILogger logger, string endpoint, string prefix, long revision);
}
