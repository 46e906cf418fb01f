using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: a 25% rollout. FeatureFlags buckets the user's key (sticky); MSFM's percentage filter
/// draws a random number per call (not sticky), its only rollout without a targeting context.
/// </summary>
[MemoryDiagnoser]
public class S3RolloutBenchmarks
{
    private Libraries _libraries = null!;
    private IFeatureManager _featureManager = null!;
    private IFlagSnapshot _snapshot = null!;
    private IFlagReader _reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _featureManager = _libraries.FeatureManager;
        _snapshot = _libraries.SnapshotFactory.CreateSnapshot(BenchmarkUser.Context);
        _reader = _libraries.Reader;
    }

    [GlobalCleanup]
    public void Cleanup() => _libraries.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM percentage filter (not sticky)")]
    public bool FeatureManagement() => _featureManager.IsEnabledAsync(BenchmarkFlags.Rollout).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, sticky rollout")]
    public bool Snapshot() => _snapshot.IsEnabled(Keys.Rollout);

    [Benchmark(Description = "FeatureFlags IFlagReader with context, sticky rollout")]
    public bool Reader() => _reader.IsEnabled(Keys.Rollout, BenchmarkUser.Context);
}
