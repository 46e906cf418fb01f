using Microsoft.Extensions.Logging;

namespace FeatureFlags.Diagnostics;

/// <summary>The runtime's log messages. Event ids are stable: alerting and audit tooling may match on them.</summary>
internal static partial class FlagLog
{
    public const string Category = "FeatureFlags";

    [LoggerMessage(EventId = 1001, EventName = "FlagChanged", Level = LogLevel.Information,
        Message = "Feature flag {Flag} changed from {OldValue} to {NewValue} (source: {Source})")]
    public static partial void FlagChanged(ILogger logger, string flag, string oldValue, string newValue, string source);

    [LoggerMessage(EventId = 1002, EventName = "ReloadRejected", Level = LogLevel.Error,
        Message = "Feature flag configuration reload rejected; the last good flags stay in force. {Problems}")]
    public static partial void ReloadRejected(ILogger logger, string problems);

    [LoggerMessage(EventId = 1003, EventName = "UnknownFlag", Level = LogLevel.Warning,
        Message = "Feature flag {Flag} is neither declared nor configured and reads as false{Hint}")]
    public static partial void UnknownFlag(ILogger logger, string flag, string hint);

    [LoggerMessage(EventId = 1004, EventName = "UndeclaredFlag", Level = LogLevel.Warning,
        Message = "Undeclared feature flag: {Problem}")]
    public static partial void UndeclaredFlag(ILogger logger, string problem);

    [LoggerMessage(EventId = 1005, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Feature flag configuration reload failed unexpectedly; the last good flags stay in force")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1006, EventName = "UnknownFlagsLimitReached", Level = LogLevel.Warning,
        Message = "{Count} distinct unknown feature flag names have been read; further unknown names read as false without a warning")]
    public static partial void UnknownFlagsLimitReached(ILogger logger, int count);

    [LoggerMessage(EventId = 1007, EventName = "FileLoadFailed", Level = LogLevel.Error,
        Message = "Configuration file {File} failed to load; the last good feature flags stay in force until it loads again")]
    public static partial void FileLoadFailed(ILogger logger, string file, Exception exception);
}
