using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tests;

/// <summary>Collects log entries so tests can assert on what the runtime reports, and wait for it.</summary>
internal sealed class LogCapture : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IEnumerable<LogEntry> WithEventId(int id) => _entries.Where(e => e.EventId.Id == id);

    /// <summary>Completes when an entry with the event id is logged (after this call).</summary>
    public Task Next(int eventId) =>
        _waiters.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        if (_waiters.TryRemove(entry.EventId.Id, out var waiter))
        {
            waiter.TrySetResult();
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
