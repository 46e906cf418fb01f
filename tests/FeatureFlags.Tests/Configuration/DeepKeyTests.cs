using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Configuration;

/// <summary>Keys nested deeper than any flag configuration are a problem with their path, at linear cost, never a crash.</summary>
public sealed class DeepKeyTests
{
    private const int Levels = 10_000;

    private static readonly string DeepKey = "FeatureFlags:F:" + string.Join(":", Enumerable.Repeat("a", Levels));

    [Fact]
    public void Build_DeepKeyFromProviderWithOwnKeyWalk_ErrorWithPathInsteadOfStackOverflow()
    {
        var configuration = new ConfigurationBuilder().Add(new WalkingSource(DeepKey)).Build();

        var problem = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(configuration)).Problems
            .Where(p => p.Contains("nested more than", StringComparison.Ordinal)).ShouldHaveSingleItem();

        problem.ShouldStartWith("FeatureFlags:F:a: has keys nested more than 8 levels below the flag");
        problem.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void Reload_DeepKeyFromProviderWithOwnKeyWalk_RejectedAndLastGoodFlagsKept()
    {
        var source = new WalkingSource("FeatureFlags:F");
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var logs = new LogCapture();
        var factory = FlagHarness.Services(configuration, logs: logs).GetRequiredService<IFlagSnapshotFactory>();

        source.Provider!.Replace(DeepKey);
        configuration.Reload();

        factory.CreateSnapshot().IsEnabled("F").ShouldBeTrue();
        logs.WithEventId(1002).ShouldHaveSingleItem().Message.ShouldContain("FeatureFlags:F:a: has keys nested more than 8 levels");
    }

    [Fact]
    public void Build_DeepKeyInMemory_ErrorAndLinearAllocation()
    {
        var configuration = FlagHarness.Configuration(new Settings { [DeepKey] = "true" });
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(configuration));

        // A node and a path string per level would allocate hundreds of megabytes at 10,000 levels.
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(2_000_000);
        exception.Problems.ShouldContain(p => p.StartsWith("FeatureFlags:F:a: has keys nested more than 8 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DeepestAllowedKey_IsReadAsUsual()
    {
        // Eight levels below the flag is allowed: the problem here is the unknown property, not the depth.
        var key = "FeatureFlags:F:" + string.Join(":", Enumerable.Repeat("a", 8));

        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(new Settings { [key] = "true" })).Problems
            .ShouldHaveSingleItem().ShouldStartWith("FeatureFlags:F:a: unknown property 'a'");
    }

    /// <summary>A source whose provider walks its keys itself, as remote providers do (no shared key store to scan).</summary>
    private sealed class WalkingSource(string key) : IConfigurationSource
    {
        public WalkingProvider? Provider { get; private set; }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider = new WalkingProvider(key);
    }

    private sealed class WalkingProvider(string key) : ConfigurationProvider
    {
        private string _key = key;

        public void Replace(string key) => _key = key;

        public override bool TryGet(string key, out string? value)
        {
            value = string.Equals(key, _key, StringComparison.OrdinalIgnoreCase) ? "true" : null;
            return value is not null;
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            var prefix = parentPath is null ? string.Empty : parentPath + ":";
            if (_key.Length > prefix.Length && _key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var end = _key.IndexOf(':', prefix.Length);
                Debug.Assert(end != prefix.Length, "no empty segments");
                return earlierKeys.Append(_key[prefix.Length..(end < 0 ? _key.Length : end)]);
            }

            return earlierKeys;
        }
    }
}
