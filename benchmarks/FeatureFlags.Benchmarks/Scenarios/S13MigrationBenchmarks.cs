using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 13: flags read from Microsoft.FeatureManagement's schemas (<c>AddMicrosoftFeatureManagementFlags()</c>), on
/// the same configuration both libraries read: a plain flag, a targeting flag (users, groups with rollouts, a default
/// rollout), a time window, and a variant allocated by percentile; beside Microsoft.FeatureManagement 4.7.0 reading them
/// itself, and beside this library's own schema for the same rollout. Bucketed flags are read twice over: for the same
/// user again (its bucket remembered, as for a returning user) and for a different user at every read (always hashed).
/// </summary>
[MemoryDiagnoser]
public class S13MigrationBenchmarks
{
    private static readonly FlagKey Plain = new("MsPlain");
    private static readonly FlagKey Targeted = new("MsTargeted");
    private static readonly FlagKey Window = new("MsWindow");
    private static readonly FlagKey Native = new("NativeRollout");
    private const int NewUserCount = 1 << 16;

    private static readonly TargetingContext Targeting = new() { UserId = "user-48213", Groups = ["customers"] };

    private ServiceProvider _services = null!;
    private IFeatureManager _featureManager = null!;
    private IVariantFeatureManager _variants = null!;
    private IFlagSnapshot _snapshot = null!;

    // More users than any flag's bucket cache holds, each with its own snapshot, read in turn: every read hashes.
    private IFlagSnapshot[] _newUsers = null!;
    private TargetingContext[] _newTargeting = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeatureManagement:MsPlain"] = "true",
            ["FeatureManagement:MsTargeted:EnabledFor:0:Name"] = "Microsoft.Targeting",
            ["FeatureManagement:MsTargeted:EnabledFor:0:Parameters:Audience:Users:0"] = "alice",
            ["FeatureManagement:MsTargeted:EnabledFor:0:Parameters:Audience:Groups:0:Name"] = "beta",
            ["FeatureManagement:MsTargeted:EnabledFor:0:Parameters:Audience:Groups:0:RolloutPercentage"] = "50",
            ["FeatureManagement:MsTargeted:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentage"] = "50",
            ["FeatureManagement:MsWindow:EnabledFor:0:Name"] = "Microsoft.TimeWindow",
            ["FeatureManagement:MsWindow:EnabledFor:0:Parameters:Start"] = "2026-01-01T00:00:00Z",
            ["FeatureManagement:MsWindow:EnabledFor:0:Parameters:End"] = "2099-01-01T00:00:00Z",
            ["feature_management:feature_flags:0:id"] = "MsVariant",
            ["feature_management:feature_flags:0:enabled"] = "true",
            ["feature_management:feature_flags:0:variants:0:name"] = "A",
            ["feature_management:feature_flags:0:variants:1:name"] = "B",
            ["feature_management:feature_flags:0:allocation:percentile:0:variant"] = "A",
            ["feature_management:feature_flags:0:allocation:percentile:0:from"] = "0",
            ["feature_management:feature_flags:0:allocation:percentile:0:to"] = "50",
            ["feature_management:feature_flags:0:allocation:percentile:1:variant"] = "B",
            ["feature_management:feature_flags:0:allocation:percentile:1:from"] = "50",
            ["feature_management:feature_flags:0:allocation:percentile:1:to"] = "100",
            ["FeatureFlags:NativeRollout:Rollout"] = "50",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureFlags(configuration).AddMicrosoftFeatureManagementFlags();
        services.AddFeatureManagement();
        _services = services.BuildServiceProvider();
        _featureManager = _services.GetRequiredService<IFeatureManager>();
        _variants = _services.GetRequiredService<IVariantFeatureManager>();
        var factory = _services.GetRequiredService<IFlagSnapshotFactory>();
        _snapshot = factory.CreateSnapshot(new EvaluationContext(Targeting.UserId, Targeting.Groups));
        _newTargeting = Enumerable.Range(0, NewUserCount).Select(i => new TargetingContext { UserId = "user-" + i, Groups = ["customers"] }).ToArray();
        _newUsers = _newTargeting.Select(t => factory.CreateSnapshot(new EvaluationContext(t.UserId, t.Groups))).ToArray();

        if (FeatureManagementTargeted() != SnapshotTargeted() || FeatureManagementVariant() != SnapshotVariant() || !SnapshotWindow() || !FeatureManagementWindow())
        {
            throw new InvalidOperationException("The two libraries must give the same answers on the same configuration.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "MSFM plain flag (its .NET schema)")]
    public bool FeatureManagementPlain() => _featureManager.IsEnabledAsync("MsPlain", Targeting).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, the same plain flag read from MSFM's schema")]
    public bool SnapshotPlain() => _snapshot.IsEnabled(Plain);

    [Benchmark(Baseline = true, Description = "MSFM targeting: users, group rollout, default rollout")]
    public bool FeatureManagementTargeted() => _featureManager.IsEnabledAsync("MsTargeted", Targeting).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, the same targeting flag (its SHA-256 buckets)")]
    public bool SnapshotTargeted() => _snapshot.IsEnabled(Targeted);

    [Benchmark(Description = "MSFM targeting, a different user every read")]
    public bool FeatureManagementTargetedNewUser() => _featureManager.IsEnabledAsync("MsTargeted", _newTargeting[_next++ & (NewUserCount - 1)]).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, the same targeting flag, a different user every read (hashed)")]
    public bool SnapshotTargetedNewUser() => _newUsers[_next++ & (NewUserCount - 1)].IsEnabled(Targeted);

    [Benchmark(Description = "FeatureFlags snapshot, a 50 % rollout of its own schema (its own hash)")]
    public bool SnapshotNativeRollout() => _snapshot.IsEnabled(Native);

    [Benchmark(Description = "MSFM time window")]
    public bool FeatureManagementWindow() => _featureManager.IsEnabledAsync("MsWindow", Targeting).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, the same time window")]
    public bool SnapshotWindow() => _snapshot.IsEnabled(Window);

    [Benchmark(Description = "MSFM GetVariantAsync, percentile allocation")]
    public string? FeatureManagementVariant() => _variants.GetVariantAsync("MsVariant", Targeting, CancellationToken.None).AsTask().GetAwaiter().GetResult()?.Name;

    [Benchmark(Description = "FeatureFlags snapshot GetVariant, the same allocation")]
    public string? SnapshotVariant() => _snapshot.GetVariant("MsVariant");

    [Benchmark(Description = "FeatureFlags snapshot GetVariant, the same allocation, a different user every read (hashed)")]
    public string? SnapshotVariantNewUser() => _newUsers[_next++ & (NewUserCount - 1)].GetVariant("MsVariant");
}
