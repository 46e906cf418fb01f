using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: one request's worth of flag work: a DI scope, its snapshot, and ten reads (seven plain
/// flags, a rollout and a targeted flag) for the request's user.
/// </summary>
[MemoryDiagnoser]
public class S7RequestBenchmarks
{
    private Libraries _libraries = null!;
    private IServiceScopeFactory _scopes = null!;
    private IConfiguration _configuration = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _scopes = _libraries.ScopeFactory;
        _configuration = _libraries.Configuration;
    }

    [GlobalCleanup]
    public void Cleanup() => _libraries.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM scope + IFeatureManagerSnapshot + 10 reads")]
    public int FeatureManagement()
    {
        using var scope = _scopes.CreateScope();
        var snapshot = scope.ServiceProvider.GetRequiredService<IFeatureManagerSnapshot>();
        var on = 0;
        foreach (var flag in BenchmarkFlags.RequestFlags)
        {
            on += snapshot.IsEnabledAsync(flag).GetAwaiter().GetResult() ? 1 : 0;
        }

        return on;
    }

    [Benchmark(Description = "FeatureFlags scope + IFlagSnapshot + 10 typed reads")]
    public int Typed()
    {
        using var scope = _scopes.CreateScope();
        var snapshot = scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();
        var on = 0;
        on += snapshot.IsEnabled(Keys.Plain00) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain01) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain02) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain03) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain04) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain05) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain06) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Plain07) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Rollout) ? 1 : 0;
        on += snapshot.IsEnabled(Keys.Targeted) ? 1 : 0;
        return on;
    }

    [Benchmark(Description = "FeatureFlags scope + IFlagSnapshot + 10 reads by name")]
    public int ByName()
    {
        using var scope = _scopes.CreateScope();
        var snapshot = scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();
        var on = 0;
        foreach (var flag in BenchmarkFlags.RequestFlags)
        {
            on += snapshot.IsEnabled(flag) ? 1 : 0;
        }

        return on;
    }

    [Benchmark(Description = "IConfiguration.GetValue<bool> x 10 (plain only, no targeting)")]
    public int Configuration()
    {
        var on = 0;
        foreach (var flag in BenchmarkFlags.RequestFlags)
        {
            on += _configuration.GetValue<bool>("FeatureFlags:" + flag) ? 1 : 0;
        }

        return on;
    }
}
