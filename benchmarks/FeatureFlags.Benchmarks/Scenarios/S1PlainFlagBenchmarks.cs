using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>Scenario 1: one plain boolean flag, read outside any scope.</summary>
[MemoryDiagnoser]
public class S1PlainFlagBenchmarks
{
    private Libraries _libraries = null!;
    private IFeatureManager _featureManager = null!;
    private IFlagReader _reader = null!;
    private IConfiguration _configuration = null!;

    [GlobalSetup]
    public void Setup()
    {
        _libraries = new Libraries();
        _featureManager = _libraries.FeatureManager;
        _reader = _libraries.Reader;
        _configuration = _libraries.Configuration;
    }

    [GlobalCleanup]
    public void Cleanup() => _libraries.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM IFeatureManager.IsEnabledAsync")]
    public bool FeatureManagement() => _featureManager.IsEnabledAsync(BenchmarkFlags.Plain).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags IFlagReader, typed key")]
    public bool ReaderTyped() => _reader.IsEnabled(Keys.Plain07);

    [Benchmark(Description = "FeatureFlags IFlagReader, by name")]
    public bool ReaderByName() => _reader.IsEnabled(BenchmarkFlags.Plain);

    [Benchmark(Description = "IConfiguration.GetValue<bool>")]
    public bool Configuration() => _configuration.GetValue<bool>("FeatureFlags:" + BenchmarkFlags.Plain);
}
