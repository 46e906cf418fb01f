using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Configuration;

/// <summary>
/// Providers that list their keys publicly (in-memory collections, <see cref="IConfigurationProvenance"/> sources)
/// are read in one scan; any other provider is walked key by key. Both ways must read the same flags.
/// </summary>
public sealed class LargeConfigurationTests
{
    private static readonly Settings Mixed = new()
    {
        ["FeatureFlags:Plain"] = "true",
        ["FeatureFlags:off"] = "false",
        ["FeatureFlags:Beta:Enabled"] = "true",
        ["FeatureFlags:Beta:Users:0"] = "alice",
        ["FeatureFlags:Beta:Users:1"] = "bob",
        ["FeatureFlags:Beta:Groups:0"] = "staff",
        ["FeatureFlags:Beta:Rollout"] = "12.5",
        ["FeatureFlags:Button:Variants:blue"] = "30",
        ["FeatureFlags:Button:Variants:green"] = "70",
        ["featureflags:button:enabled"] = "true",
        ["Other:Plain"] = "false",
    };

    [Fact]
    public void Read_ScannedAndWalkedProviders_GiveTheSameFlags()
    {
        var scanned = new ConfigurationBuilder().AddInMemoryCollection(Mixed).Build();
        var walked = new ConfigurationBuilder().Add(new WalkedSource(Mixed)).Build();

        var fromScan = Explain(scanned);
        var fromWalk = Explain(walked);

        // The scan names a source key as the source spells it ("featureflags:button:enabled"); the walk
        // rebuilds it from the section's spelling. Otherwise the two agree to the letter.
        fromScan.Count.ShouldBe(4);
        fromScan.Select(e => e.ToString().Replace("in-memory configuration", "source", StringComparison.Ordinal))
            .ShouldBe(fromWalk.Select(e => e.ToString().Replace(nameof(WalkedProvider), "source", StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);
        fromScan.Single(e => e.Flag == "Button").Sources[0].Key.ShouldBe("featureflags:button:enabled");
    }

    [Fact]
    public void Read_ScannedProvider_ReportsEveryProblemWithItsPath()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Settings
        {
            ["FeatureFlags:Good"] = "true",
            ["FeatureFlags:Bad"] = "ture",
            ["FeatureFlags:Odd:Colour"] = "blue",
            ["FeatureFlags:Bad name"] = "true",
        }).Build();

        var error = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(configuration));

        error.Problems.ShouldContain(p => p.StartsWith("FeatureFlags:Bad: 'ture' is not a boolean", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.StartsWith("FeatureFlags:Odd:Colour", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.StartsWith("FeatureFlags:Bad name", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_TenThousandFlags_EveryFlagReadable()
    {
        var settings = new Settings();
        for (var i = 0; i < 10_000; i++)
        {
            if (i % 10 == 0)
            {
                settings[$"FeatureFlags:Flag{i}:Users:0"] = "alice";
                settings[$"FeatureFlags:Flag{i}:Rollout"] = "0";
            }
            else
            {
                settings[$"FeatureFlags:Flag{i}"] = i % 2 == 0 ? "true" : "false";
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = FlagHarness.Services(configuration);
        configuration.Reload();
        var alice = provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext("alice"));
        var bob = provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext("bob"));

        for (var i = 0; i < 10_000; i++)
        {
            alice.IsEnabled($"Flag{i}").ShouldBe(i % 2 == 0, $"Flag{i}");
            bob.IsEnabled(new FlagKey($"FLAG{i}")).ShouldBe(i % 2 == 0 && i % 10 != 0, $"Flag{i}");
        }
    }

    private static IReadOnlyList<FlagEvaluation> Explain(IConfiguration configuration) =>
        FlagHarness.Snapshot(configuration, new EvaluationContext("alice")).ExplainAll();

    private sealed class WalkedSource(Settings settings) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new WalkedProvider(settings);
    }

    /// <summary>Lists no keys publicly, so it is walked through <see cref="GetChildKeys"/> and <see cref="ConfigurationProvider.TryGet"/>.</summary>
    private sealed class WalkedProvider : ConfigurationProvider
    {
        public WalkedProvider(Settings settings)
        {
            foreach (var (key, value) in settings)
            {
                Data[key] = value;
            }
        }

        public override string ToString() => nameof(WalkedProvider);
    }
}
