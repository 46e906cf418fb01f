using System.Collections.Concurrent;
using FeatureFlags.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace FeatureFlags.Configuration;

/// <summary>
/// Watches the file sources of a configuration for loads that fail, such as a reload of a JSON file saved
/// half-written. A file provider that fails to reload empties its data and reports the failure only to
/// <see cref="FileConfigurationSource.OnLoadException"/>, so without this watch the next reload would
/// silently drop that file's flags. While any file has failed, <see cref="HasFailures"/> is true and the
/// runtime keeps its last good flags; once the file loads again, the runtime re-reads everything.
/// Thread-safe.
/// </summary>
internal sealed class FileLoadFailureWatch : IDisposable
{
    // Each failed file and since when it has been failing.
    private readonly ConcurrentDictionary<FileConfigurationProvider, DateTimeOffset> _failed = new();

    // A failure whose handler set Ignore: the provider raises its reload next, and that reload is the failure's.
    private readonly ConcurrentDictionary<FileConfigurationProvider, byte> _ignoredFailures = new();
    private readonly List<Hook> _hooks = [];
    private readonly ILogger _logger;
    private readonly Action _reload;
    private readonly TimeProvider _time;

    /// <param name="configuration">The configuration; only a root shows its file sources.</param>
    /// <param name="logger">Receives <c>FileLoadFailed</c> (1007).</param>
    /// <param name="reload">Re-reads the flags once a failed file has loaded again.</param>
    /// <param name="time">Dates a failure.</param>
    public FileLoadFailureWatch(IConfiguration configuration, ILogger logger, Action reload, TimeProvider time)
    {
        _logger = logger;
        _reload = reload;
        _time = time;
        if (configuration is not IConfigurationRoot root)
        {
            return;
        }

        foreach (var provider in root.Providers.OfType<FileConfigurationProvider>())
        {
            var source = provider.Source;
            var previous = source.OnLoadException;
            Action<FileLoadExceptionContext> handler = context => OnLoadFailed(provider, previous, context);
            source.OnLoadException = handler;
            var registration = ChangeToken.OnChange(provider.GetReloadToken, () => OnLoaded(provider));
            _hooks.Add(new Hook(source, previous, handler, registration));
        }
    }

    /// <summary>Whether some file failed its last load: its data is gone, not changed.</summary>
    public bool HasFailures => !_failed.IsEmpty;

    /// <summary>The files whose last load failed, and since when they have been failing.</summary>
    public IReadOnlyList<(string File, DateTimeOffset Since)> Failures =>
        _failed.IsEmpty ? [] : _failed.Select(f => (f.Key.Source.Path ?? f.Key.ToString()!, f.Value)).ToArray();

    public void Dispose()
    {
        foreach (var hook in _hooks)
        {
            hook.Registration.Dispose();

            // Put back what the application had, unless it has replaced our handler since.
            if (hook.Source.OnLoadException == hook.Handler)
            {
                hook.Source.OnLoadException = hook.Previous;
            }
        }
    }

    private void OnLoadFailed(FileConfigurationProvider provider, Action<FileLoadExceptionContext>? previous, FileLoadExceptionContext context)
    {
        // The application's own handler decides, as before, whether the exception is rethrown.
        previous?.Invoke(context);
        _failed.TryAdd(provider, _time.GetUtcNow());
        if (context.Ignore)
        {
            _ignoredFailures[provider] = 0;
        }

        FlagLog.FileLoadFailed(_logger, provider.Source.Path ?? provider.ToString(), context.Exception);
    }

    private void OnLoaded(FileConfigurationProvider provider)
    {
        if (_ignoredFailures.TryRemove(provider, out _))
        {
            return;
        }

        if (_failed.TryRemove(provider, out _))
        {
            // The reload that the configuration raised for this load may have run before this one, and was refused.
            _reload();
        }
    }

    private sealed record Hook(FileConfigurationSource Source, Action<FileLoadExceptionContext>? Previous, Action<FileLoadExceptionContext> Handler, IDisposable Registration);
}
