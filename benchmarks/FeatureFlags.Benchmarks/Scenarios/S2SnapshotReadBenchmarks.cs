using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: the plain flag read again inside a scope's snapshot, typed and by name. The typed read
/// is a few instructions; the disassembly is exported with the results to show which.
/// </summary>
[MemoryDiagnoser]
[DisassemblyDiagnoser(maxDepth: 3, exportGithubMarkdown: true)]
public class S2SnapshotReadBenchmarks
{
    private Libraries _libraries = null!;
    private IServiceScope _scope = null!;
    private IFeatureManagerSnapshot _featureManagerSnapshot = null!;
    private IFlagSnapshot _snapshot = null!;
    private IConfiguration _configuration = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _scope = _libraries.ScopeFactory.CreateScope();
        _featureManagerSnapshot = _scope.ServiceProvider.GetRequiredService<IFeatureManagerSnapshot>();
        _snapshot = _scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();
        _configuration = _libraries.Configuration;

        // MSFM's snapshot caches a flag after its first read; both are measured warm.
        _featureManagerSnapshot.IsEnabledAsync(BenchmarkFlags.Plain).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _libraries.Dispose();
    }

    [Benchmark(Baseline = true, Description = "MSFM IFeatureManagerSnapshot.IsEnabledAsync")]
    public bool FeatureManagement() => _featureManagerSnapshot.IsEnabledAsync(BenchmarkFlags.Plain).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags IFlagSnapshot, typed key")]
    public bool SnapshotTyped() => _snapshot.IsEnabled(Keys.Plain07);

    [Benchmark(Description = "FeatureFlags IFlagSnapshot, by name")]
    public bool SnapshotByName() => _snapshot.IsEnabled(BenchmarkFlags.Plain);

    [Benchmark(Description = "IConfiguration.GetValue<bool>")]
    public bool Configuration() => _configuration.GetValue<bool>("FeatureFlags:" + BenchmarkFlags.Plain);
}
