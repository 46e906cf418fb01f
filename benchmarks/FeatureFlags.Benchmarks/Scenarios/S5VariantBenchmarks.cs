using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>Scenario 5: a two-variant experiment (50/50), sticky per user in both libraries.</summary>
[MemoryDiagnoser]
public class S5VariantBenchmarks
{
    private Libraries _libraries = null!;
    private IVariantFeatureManager _featureManager = null!;
    private IFlagSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _featureManager = _libraries.VariantFeatureManager;
        _snapshot = _libraries.SnapshotFactory.CreateSnapshot(BenchmarkUser.Context);
    }

    [GlobalCleanup]
    public void Cleanup() => _libraries.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM GetVariantAsync, TargetingContext")]
    public string? FeatureManagement() =>
        _featureManager.GetVariantAsync(BenchmarkFlags.Experiment, BenchmarkUser.TargetingContext, CancellationToken.None).GetAwaiter().GetResult()?.Name;

    [Benchmark(Description = "FeatureFlags snapshot GetVariant")]
    public string? Snapshot() => _snapshot.GetVariant(Keys.Experiment);
}
