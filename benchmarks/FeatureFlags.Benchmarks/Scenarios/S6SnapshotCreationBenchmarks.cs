using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: creating a snapshot for a scope. The target row is the factory call (the context already
/// exists, as it does once per request); the scope rows add the DI scope both libraries go through.
/// </summary>
[MemoryDiagnoser]
public class S6SnapshotCreationBenchmarks
{
    private Libraries _libraries = null!;
    private IFlagSnapshotFactory _factory = null!;
    private IServiceScopeFactory _scopes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _factory = _libraries.SnapshotFactory;
        _scopes = _libraries.ScopeFactory;
    }

    [GlobalCleanup]
    public void Cleanup() => _libraries.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM scope + IFeatureManagerSnapshot")]
    public object FeatureManagementScope()
    {
        using var scope = _scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IFeatureManagerSnapshot>();
    }

    [Benchmark(Description = "FeatureFlags scope + IFlagSnapshot")]
    public object ScopedSnapshot()
    {
        using var scope = _scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();
    }

    [Benchmark(Description = "FeatureFlags IFlagSnapshotFactory.CreateSnapshot(context)")]
    public IFlagSnapshot Factory() => _factory.CreateSnapshot(BenchmarkUser.Context);
}
