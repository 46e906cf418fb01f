using System.Diagnostics;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// Measures the CPU time this process spends on an action. On a shared machine, wall-clock time also
/// counts the time spent waiting for a core; CPU time counts only the work done, so it is the fairer
/// measure of what the analyzers add (the compilations here are single-threaded).
/// </summary>
internal static class CpuTimer
{
    public static double Milliseconds(Action action)
    {
        // Start from a clean heap so that no case pays for the garbage of the one before it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }
}
