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
/// so no reader waits and none sees a half-applied change. A bad reload keeps the last good table.
/// </summary>
internal sealed class FlagTableProvider : IDisposable
{
    private readonly FlagTableBuilder _builder;
    private readonly ILogger _logger;
    private readonly IDisposable? _reloadRegistration;
    private readonly FileLoadFailureWatch _fileFailures;
    private readonly object _reloadLock = new();
    private volatile FlagTable _current;

    /// <exception cref="FlagConfigurationException">The configuration is invalid now.</exception>
    public FlagTableProvider(IConfiguration configuration, FeatureFlagsOptions options, IReadOnlyList<FlagCatalog> catalogs, ILoggerFactory? loggerFactory)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(FlagLog.Category);
        _builder = new FlagTableBuilder(configuration, options, catalogs, _logger);
        _current = _builder.TryBuild(out var problems) ?? throw new FlagConfigurationException(problems);
        _fileFailures = new FileLoadFailureWatch(configuration, _logger, () => Reload());
        _reloadRegistration = ChangeToken.OnChange(configuration.GetReloadToken, () => Reload());
    }

    public FlagTable Current => _current;

    /// <summary>Re-reads configuration; returns whether the new flags were taken.</summary>
    public bool Reload()
    {
        // Reload tokens may fire on several threads for one change; builds must not interleave their swaps.
        lock (_reloadLock)
        {
            if (_fileFailures.HasFailures)
            {
                // A file that failed to load reads as empty: its flags are not gone, only unreadable. The failure
                // was logged (1007); the watch reloads once the file loads again.
                return false;
            }

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
                return false;
            }

            if (next is null)
            {
                FlagLog.ReloadRejected(_logger, new FlagConfigurationException(problems).Message);
                return false;
            }

            var previous = _current;
            _current = next;
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

    private static string SourceText(CompiledFlag flag) =>
        flag.Sources.Length == 0 ? "no configuration" : string.Join(", ", flag.Sources.Select(s => s.ToString()));
}
