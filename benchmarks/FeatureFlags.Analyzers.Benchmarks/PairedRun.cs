using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// A noise-resistant cross-check of the BenchmarkDotNet numbers for a shared machine: the four cases
/// run interleaved (A, B, C, A, B, C, …) so that load from other processes hits all of them alike, and
/// the medians of the per-round ratios of CPU time (see <see cref="CpuTimer"/>) are printed. <c>dotnet run -c Release -- paired 15</c>.
/// </summary>
internal static class PairedRun
{
    public static void Run(int rounds, string today)
    {
        var bench = new AnalyzerOverheadBenchmarks { Today = today };
        bench.Setup();
        var cases = new (string Name, Func<int> Body)[]
        {
            ("compile", bench.WithoutAnalyzers),
            ("compile + analyzer host", bench.WithAnalyzerHost),
            ("compile + FeatureFlags analyzers", bench.WithAnalyzersCount),
            ("compile + driver only (empty)", bench.WithAnalyzerDriver),
        };
        var times = cases.Select(_ => new List<double>()).ToArray();
        var wall = cases.Select(_ => new List<double>()).ToArray();
        var allocated = new double[cases.Length];
        for (var round = -2; round < rounds; round++)
        {
            // Rotated each round, so that no case always runs in the same place.
            for (var k = 0; k < cases.Length; k++)
            {
                var i = (k + round + 2) % cases.Length;
                var body = cases[i].Body;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var cpu = CpuTimer.Milliseconds(() => body());
                watch.Stop();
                allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
                if (round >= 0)
                {
                    times[i].Add(cpu);
                    wall[i].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"paired rounds: {rounds}, today: {today}"));
        for (var i = 0; i < cases.Length; i++)
        {
            Console.WriteLine(string.Create(c, $"{cases[i].Name,-36} median CPU {Median(times[i]),8:F1} ms, median wall {Median(wall[i]),8:F1} ms, allocated {allocated[i],6:F2} MB"));
        }

        var overCompile = Median(times[2].Zip(times[0], (a, b) => a / b).ToList());
        var wallOverCompile = Median(wall[2].Zip(wall[0], (a, b) => a / b).ToList());
        var overHost = Median(times[2].Zip(times[1], (a, b) => a / b).ToList());
        var share = Median(Enumerable.Range(0, rounds).Select(r => (times[2][r] - times[3][r]) / times[0][r]).ToList());
        Console.WriteLine(string.Create(c, $"FeatureFlags analyzers / compile:        {overCompile:F3} (CPU time, median of per-round ratios)"));
        Console.WriteLine(string.Create(c, $"FeatureFlags analyzers / compile:        {wallOverCompile:F3} (wall clock, median of per-round ratios)"));
        Console.WriteLine(string.Create(c, $"FeatureFlags analyzers / analyzer host:  {overHost:F3}"));
        Console.WriteLine(string.Create(c, $"FeatureFlags share (ff - empty) / compile: {share:P1}"));
        var driver = Median(times[3].Zip(times[0], (a, b) => a / b).ToList());
        var overDriver = Median(times[2].Zip(times[3], (a, b) => a / b).ToList());
        Console.WriteLine(string.Create(c, $"empty analyzer / compile:                {driver:F3} (the driver's own price)"));
        Console.WriteLine(string.Create(c, $"FeatureFlags analyzers / empty analyzer: {overDriver:F3}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToImmutableArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
