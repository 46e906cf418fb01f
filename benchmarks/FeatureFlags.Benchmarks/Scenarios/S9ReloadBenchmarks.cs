using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using FeatureFlags.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9: a reload of 10,000 flags (200 copies of the shared 50-flag mix). FeatureFlags re-reads,
/// validates and compiles every flag, then swaps the table; MSFM's counterpart is what it does after a
/// reload clears its cache: parse every definition again (lazily, here all at once).
/// </summary>
[MemoryDiagnoser]
public class S9ReloadBenchmarks
{
    private FlagTableProvider _provider = null!;
    private IConfigurationRoot _configuration = null!;

    [Params(10_000)]
    public int Flags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _configuration = BenchmarkFlags.Configuration(BenchmarkFlags.Many(Flags / 50));
        _provider = new FlagTableProvider(_configuration, new FeatureFlagsOptions(), [], loggerFactory: null);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM: parse every definition again")]
    public int FeatureManagement()
    {
        var provider = new ConfigurationFeatureDefinitionProvider(_configuration);
        var count = 0;
        var all = provider.GetAllFeatureDefinitionsAsync().GetAsyncEnumerator();
        while (all.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "FeatureFlags: read, validate, compile and swap")]
    public bool Reload() => _provider.Reload();
}
