using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using FeatureFlags.Tables;
using FeatureFlags.Configuration;
using FeatureFlags.Evaluation;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9, readers: reads while another thread reloads 10,000 flags back to back. Readers take the
/// current table with one volatile read and never lock, so a read costs the same during a reload as
/// without one (give or take the other thread's use of the shared cores and caches).
/// </summary>
[MemoryDiagnoser]
public class S9ReadDuringReloadBenchmarks
{
    private FlagTableProvider _provider = null!;
    private IFlagReader _reader = null!;
    private FlagKey _key;
    private Thread? _reloader;
    private volatile bool _stop;

    [Params(false, true)]
    public bool Reloading { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var flags = BenchmarkFlags.Many(200);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(BenchmarkFlags.Settings(flags, featureManagement: false)).Build();
        _provider = new FlagTableProvider(configuration, new FeatureFlagsOptions(), [], loggerFactory: null);
        _reader = new CurrentFlagReader(_provider, TimeProvider.System);
        _key = new FlagKey(flags[7].Name);
        if (Reloading)
        {
            _reloader = new Thread(() =>
            {
                while (!_stop)
                {
                    _provider.Reload();
                }
            }) { IsBackground = true };
            _reloader.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop = true;
        _reloader?.Join();
        _provider.Dispose();
    }

    [Benchmark(Description = "IFlagReader typed read")]
    public bool Read() => _reader.IsEnabled(_key);

    [Benchmark(Description = "snapshot creation")]
    public IFlagSnapshot Snapshot() => new FlagSnapshot(_provider.Current, EvaluationContext.Empty, TimeProvider.System);
}
