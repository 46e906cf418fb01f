using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tests;

/// <summary>
/// Collects log entries so tests can assert on what the runtime reports, and wait for it without sleeping. Shared by
/// the runtime's tests and the etcd source's (linked).
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Done)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IEnumerable<LogEntry> WithEventId(int id) => _entries.Where(e => e.EventId.Id == id);

    /// <summary>Completes when an entry with the event id is logged (after this call).</summary>
    public Task Next(int eventId) => Wait(e => e.EventId.Id == eventId, includeLogged: false);

    /// <summary>Completes with the first entry, logged before or after this call, that <paramref name="match"/> accepts.</summary>
    public Task<LogEntry> WaitAsync(Func<LogEntry, bool> match, TimeSpan? timeout = null) =>
        Wait(match, includeLogged: true).WaitAsync(timeout ?? TimeSpan.FromSeconds(20));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private Task<LogEntry> Wait(Func<LogEntry, bool> match, bool includeLogged)
    {
        lock (_waiters)
        {
            if (includeLogged && _entries.FirstOrDefault(match) is { } found)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task;
        }
    }

    private void Add(LogEntry entry)
    {
        lock (_waiters)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(w => w.Match(entry)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(entry);
            }
        }
    }

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
