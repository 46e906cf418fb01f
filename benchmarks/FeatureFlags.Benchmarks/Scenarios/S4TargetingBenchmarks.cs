using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: targeting by users and groups with a 10% rollout for the rest, for a user in neither
/// list, so both libraries walk the whole audience before bucketing.
/// </summary>
[MemoryDiagnoser]
public class S4TargetingBenchmarks
{
    private Libraries _libraries = null!;
    private IFeatureManager _featureManager = null!;
    private IFlagSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _featureManager = _libraries.FeatureManager;
        _snapshot = _libraries.SnapshotFactory.CreateSnapshot(BenchmarkUser.Context);
    }

    [GlobalCleanup]
    public void Cleanup() => _libraries.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM targeting filter, TargetingContext")]
    public bool FeatureManagement() =>
        _featureManager.IsEnabledAsync(BenchmarkFlags.Targeted, BenchmarkUser.TargetingContext).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, users + groups + rollout")]
    public bool Snapshot() => _snapshot.IsEnabled(Keys.Targeted);
}
