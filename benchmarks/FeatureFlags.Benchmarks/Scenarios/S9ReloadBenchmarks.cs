using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using FeatureFlags.Tables;
using FeatureFlags.Configuration;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9: a reload of 10,000 flags (200 copies of the shared 50-flag mix). FeatureFlags re-reads,
/// validates and compiles every flag, then swaps the table. MSFM has no counterpart step (it parses a
/// definition lazily at its first read after a reload); parsing all 10,000 of its definitions took 32 s
/// in a one-off dry run here (<c>ConfigurationFeatureDefinitionProvider.GetAllFeatureDefinitionsAsync</c>),
/// too long to sit in every benchmark run; see benchmarks/results/README.md.
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
        // FeatureFlags' schema only: the MSFM copy of the flags would only add keys for the reload to skip.
        _configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(BenchmarkFlags.Settings(BenchmarkFlags.Many(Flags / 50), featureManagement: false))
            .Build();
        _provider = new FlagTableProvider(_configuration, new FeatureFlagsOptions(), [], loggerFactory: null);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Description = "FeatureFlags: read, validate, compile and swap")]
    public bool Reload() => _provider.Reload();
}
