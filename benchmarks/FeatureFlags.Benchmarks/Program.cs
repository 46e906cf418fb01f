using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using FeatureFlags.Benchmarks.Setup;

namespace FeatureFlags.Benchmarks;

/// <summary>
/// Entry point. Without a mode, BenchmarkDotNet's switcher (all its options work: <c>--filter</c>,
/// <c>--job short</c>, …); <c>--quick</c> runs every selected benchmark with a short job.
/// <c>--cold-start [runs]</c> and <c>--memory</c> run scenario 8 and scenario 9's memory measure;
/// <c>--etcd-propagation [flips]</c> measures how fast a flag written to etcd reaches 1, 10 and 50 instances.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var started = Stopwatch.GetTimestamp();
        if (args is ["--cold-start-child", var library])
        {
            return ColdStart.RunChild(library, started);
        }

        var output = Option(args, "--out");
        if (args.Contains("--cold-start"))
        {
            return ColdStart.Run(int.Parse(Option(args, "--cold-start") ?? "20", CultureInfo.InvariantCulture), output);
        }

        if (args.Contains("--etcd-propagation"))
        {
            return EtcdPropagation.RunAsync(int.Parse(Option(args, "--etcd-propagation") ?? "1000", CultureInfo.InvariantCulture), output).GetAwaiter().GetResult();
        }

        if (args.Contains("--memory"))
        {
            return MemoryHeld.Run(int.Parse(Option(args, "--memory") ?? "10000", CultureInfo.InvariantCulture), output);
        }

        return RunBenchmarks(args);
    }

    // Kept out of Main so that a cold-start child never loads BenchmarkDotNet.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int RunBenchmarks(string[] args)
    {
        // The targets are medians: show them beside the means.
        IConfig config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median);
        if (args.Contains("--quick"))
        {
            config = config.AddJob(Job.ShortRun);
            args = args.Where(a => a != "--quick").ToArray();
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[index + 1] : null;
    }
}
