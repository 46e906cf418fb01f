using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeatureFlags.Etcd;
using FeatureFlags.Etcd.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// Fleet propagation (<c>--etcd-propagation [flips]</c>): one real etcd on 127.0.0.1 and N instances in this process,
/// each with its own configuration, etcd source and flag services. Each flip is written through the writer; the time
/// runs from just before the write is sent until every instance serves the new value (its change log entry, written
/// after the new table is live). Flips are sequential, so each measures one change on a quiet fleet.
/// </summary>
public static class EtcdPropagation
{
    private const string Flag = "Latency";

    public static async Task<int> RunAsync(int flips, string? output)
    {
        await using var etcd = new EtcdProcess();
        await etcd.StartAsync();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# etcd propagation ({flips} flips per fleet size)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Environment.OSVersion}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; etcd {EtcdVersion()} on the same machine, one member, data on local disk")
            .AppendLine()
            .AppendLine("From just before a write is sent until every instance serves the new value, in milliseconds; the write's own round trip (sent → acknowledged) beside it.")
            .AppendLine()
            .AppendLine("| instances | p50 | p99 | max | write round trip p50 | write round trip p99 |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in new[] { 1, 10, 50 })
        {
            var (all, writes) = await MeasureAsync(etcd.Endpoint, size, flips);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {size} | {Percentile(all, 50):F2} | {Percentile(all, 99):F2} | {all.Max():F2} | {Percentile(writes, 50):F2} | {Percentile(writes, 99):F2} |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size} instances: p50 {Percentile(all, 50):F2} ms, p99 {Percentile(all, 99):F2} ms, max {all.Max():F2} ms"));
        }

        Console.WriteLine(text);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, text.ToString());
        }

        return 0;
    }

    private static async Task<(List<double> All, List<double> Writes)> MeasureAsync(string endpoint, int size, int flips)
    {
        var prefix = $"/featureflags/propagation-{size}-{Guid.NewGuid():N}/";
        var options = new EtcdFlagsOptions { Prefix = prefix };
        options.Endpoints.Add(endpoint);
        using var writer = new EtcdFlagWriter(options);
        var revision = await writer.SetAsync(Flag, Value(0), 0);

        var arrivals = new ArrivalLog(size);
        var instances = Enumerable.Range(0, size).Select(_ => Instance(endpoint, prefix, arrivals)).ToList();
        try
        {
            var all = new List<double>(flips);
            var writes = new List<double>(flips);

            // Ten flips to warm up connections and code paths, not counted.
            for (var flip = 1; flip <= flips + 10; flip++)
            {
                var expected = Describe(flip);
                var arrived = arrivals.Expect(expected);
                var sent = Stopwatch.GetTimestamp();
                revision = await writer.SetAsync(Flag, Value(flip), revision);
                var acknowledged = Stopwatch.GetTimestamp();
                var last = await arrived.WaitAsync(TimeSpan.FromSeconds(30));
                if (flip > 10)
                {
                    all.Add(Stopwatch.GetElapsedTime(sent, last).TotalMilliseconds);
                    writes.Add(Stopwatch.GetElapsedTime(sent, acknowledged).TotalMilliseconds);
                }
            }

            return (all, writes);
        }
        finally
        {
            instances.ForEach(i => i.Dispose());
        }
    }

    private static ServiceProvider Instance(string endpoint, string prefix, ArrivalLog arrivals)
    {
        var configuration = new ConfigurationManager();
        configuration.AddEtcdFlags(options =>
        {
            options.Endpoints.Add(endpoint);
            options.Prefix = prefix;
        });
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(arrivals);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureFlags(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IFlagReader>().IsEnabled(Flag);
        return provider;
    }

    // Rollouts from 0.1 % to 99.9 % and round again: every flip changes the value.
    private static string Value(int flip) => $$"""{ "Enabled": true, "Rollout": {{Rollout(flip)}} }""";

    private static string Describe(int flip) => $"to {{ Enabled: true, Rollout: {Rollout(flip)}% }}";

    private static string Rollout(int flip) => (((flip % 999) + 1) / 10.0).ToString(CultureInfo.InvariantCulture);

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string EtcdVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("etcd", "--version") { RedirectStandardOutput = true })!;
            return process.StandardOutput.ReadLine()?.Replace("etcd Version: ", string.Empty, StringComparison.Ordinal) ?? "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    /// <summary>
    /// The instances' loggers: counts, for the flip awaited, the instances whose change log shows its value, and completes
    /// with the time the last one did.
    /// </summary>
    private sealed class ArrivalLog(int instances) : ILoggerFactory, ILogger
    {
        private readonly Lock _gate = new();
        private string? _expected;
        private int _remaining;
        private TaskCompletionSource<long>? _done;

        public Task<long> Expect(string description)
        {
            lock (_gate)
            {
                _expected = description;
                _remaining = instances;
                _done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _done.Task;
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != 1001)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            var message = formatter(state, exception);
            lock (_gate)
            {
                if (_expected is not null && message.Contains(_expected, StringComparison.Ordinal) && --_remaining == 0)
                {
                    _done!.TrySetResult(now);
                }
            }
        }
    }
}
