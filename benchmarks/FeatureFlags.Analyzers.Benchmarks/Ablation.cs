using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// Which analyzer costs what: the analyzer host alone, then the host plus each FeatureFlags analyzer in
/// turn, interleaved, medians printed. <c>dotnet run -c Release -- ablation 5</c>.
/// </summary>
internal static class Ablation
{
    public static void Run(int rounds)
    {
        var bench = new AnalyzerOverheadBenchmarks();
        bench.Setup();
        var host = new OperationHostAnalyzer();
        var configs = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)> { ("host", [host]) };
        configs.AddRange(AnalyzerOverheadBenchmarks.Analyzers.Select(a => (a.GetType().Name, ImmutableArray.Create<DiagnosticAnalyzer>(host, a))));
        var times = configs.Select(_ => new List<double>()).ToArray();
        var allocated = new double[configs.Count];
        for (var round = -1; round < rounds; round++)
        {
            // Rotated each round, so that no configuration always runs in the same place.
            for (var k = 0; k < configs.Count; k++)
            {
                var i = (k + round + 1) % configs.Count;
                var analyzers = configs[i].Analyzers;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = CpuTimer.Milliseconds(() => bench.Run(analyzers));
                allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
                if (round >= 0)
                {
                    times[i].Add(cpu);
                }
            }
        }

        for (var i = 0; i < configs.Count; i++)
        {
            var sorted = times[i].OrderBy(t => t).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{configs[i].Name,-28} median CPU {sorted[sorted.Count / 2],8:F1} ms, allocated {allocated[i],6:F2} MB"));
        }
    }
}
