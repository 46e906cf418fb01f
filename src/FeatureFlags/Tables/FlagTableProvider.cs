using FeatureFlags.Configuration;
using FeatureFlags.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Primitives;

namespace FeatureFlags.Tables;

/// <summary>
/// Holds the current <see cref="FlagTable"/> and replaces it when configuration reloads. Readers take
/// <see cref="Current"/> without locks; a reload builds the new table aside and swaps one reference,
/// so no reader waits and none sees a half-applied change. A bad reload keeps the last good table, and
/// <see cref="Status"/> says so (with the problems and since when) until a reload is taken again.
/// </summary>
internal sealed class FlagTableProvider : IDisposable
{
    private readonly FlagTableBuilder _builder;
    private readonly ILogger _logger;
    private readonly IDisposable? _reloadRegistration;
    private readonly FileLoadFailureWatch _fileFailures;
    private readonly object _reloadLock = new();
    private readonly FlagTelemetry? _telemetry;
    private readonly TimeProvider _time;
    private volatile FlagTable _current;
    private volatile FlagTableStatus _status;

    /// <param name="configuration">The configuration to read, now and on every reload.</param>
    /// <param name="options">The runtime's options.</param>
    /// <param name="catalogs">The registered catalogs.</param>
    /// <param name="loggerFactory">Receives the change log and reload errors.</param>
    /// <param name="telemetry">Counts and times reloads, and publishes the number of flags.</param>
    /// <param name="time">Dates the table in force and a rejected configuration; times reloads.</param>
    /// <exception cref="FlagConfigurationException">The configuration is invalid now.</exception>
    public FlagTableProvider(IConfiguration configuration, FeatureFlagsOptions options, IReadOnlyList<FlagCatalog> catalogs, ILoggerFactory? loggerFactory, FlagTelemetry? telemetry = null, TimeProvider? time = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(FlagLog.Category);
        _telemetry = telemetry;
        _time = time ?? TimeProvider.System;
        _builder = new FlagTableBuilder(configuration, options, catalogs, _logger);
        _current = _builder.TryBuild(out var problems) ?? throw new FlagConfigurationException(problems);
        _status = FlagTableStatus.Loaded(_current, _time.GetUtcNow());
        _fileFailures = new FileLoadFailureWatch(configuration, _logger, () => Reload(), _time);
        _reloadRegistration = ChangeToken.OnChange(configuration.GetReloadToken, () => Reload());
        telemetry?.ObserveFlagCount(() => _current.All.Count);
    }

    public FlagTable Current => _current;

    /// <summary>The table in force, since when, and what keeps configuration from replacing it, if anything.</summary>
    public FlagTableStatus Status => _status.WithUnloadedFiles(_fileFailures.Failures);

    /// <summary>Re-reads configuration; returns whether the new flags were taken.</summary>
    public bool Reload()
    {
        // Reload tokens may fire on several threads for one change; builds must not interleave their swaps.
        lock (_reloadLock)
        {
            if (_fileFailures.HasFailures)
            {
                // A file that failed to load reads as empty: its flags are not gone, only unreadable. The failure
                // was logged (1007) and shows in Status; the watch reloads once the file loads again.
                return false;
            }

            var started = _time.GetTimestamp();
            FlagTable? next;
            List<string> problems;
            try
            {
                next = _builder.TryBuild(out problems);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A provider that throws mid-reload must not take the application's flags with it.
                FlagLog.ReloadFailed(_logger, exception);
                Rejected(started, "failed", [$"the configuration could not be read: {exception.GetType().Name}: {exception.Message}"]);
                return false;
            }

            if (next is null)
            {
                FlagLog.ReloadRejected(_logger, new FlagConfigurationException(problems).Message);
                Rejected(started, "rejected", problems);
                return false;
            }

            var previous = _current;
            _current = next;
            _status = FlagTableStatus.Loaded(next, _time.GetUtcNow());
            _telemetry?.Reloaded("applied", _time.GetElapsedTime(started));
            LogChanges(previous, next);
            return true;
        }
    }

    public void Dispose()
    {
        _reloadRegistration?.Dispose();
        _fileFailures.Dispose();
    }

    private void LogChanges(FlagTable previous, FlagTable next)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        foreach (var flag in next.All)
        {
            var old = previous.Find(flag.Name)?.Description ?? "(absent)";
            if (old != flag.Description)
            {
                FlagLog.FlagChanged(_logger, flag.Name, old, flag.Description, SourceText(flag));
            }
        }

        foreach (var removed in previous.All.Where(f => next.Find(f.Name) is null))
        {
            FlagLog.FlagChanged(_logger, removed.Name, removed.Description, "(absent)", "no configuration");
        }
    }

    private void Rejected(long started, string result, IReadOnlyList<string> problems)
    {
        _status = _status.Rejected(_time.GetUtcNow(), problems);
        _telemetry?.Reloaded(result, _time.GetElapsedTime(started));
    }

    private static string SourceText(CompiledFlag flag) =>
        flag.Sources.Length == 0 ? "no configuration" : string.Join(", ", flag.Sources.Select(s => s.ToString()));
}
