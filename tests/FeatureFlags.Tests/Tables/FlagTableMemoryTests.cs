using FeatureFlags.Tables;
using FeatureFlags.Configuration;
using FeatureFlags.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Tables;

/// <summary>Reloads with ever new flag names leave nothing behind once the tables that had them are gone.</summary>
[Collection(nameof(MemoryMeasurements))]
public sealed class FlagTableMemoryTests
{
    [Fact]
    public void Reload_MoreNewNamesThanTheRegistryTakes_LaterNamesNeitherRegisteredNorInterned()
    {
        var (configuration, provider) = Runtime();
        var first = NewNames(FlagKeyRegistry.ConfiguredNameLimit + 1000);
        Reload(configuration, first);
        first.Count(name => FlagKeyRegistry.FindId(name) != 0).ShouldBeLessThanOrEqualTo(FlagKeyRegistry.ConfiguredNameLimit);

        var later = NewNames(1000);
        Reload(configuration, later);

        provider.Current.Find(later[^1]).ShouldNotBeNull();
        later.ShouldAllBe(name => FlagKeyRegistry.FindId(name) == 0 && string.IsInterned(name) == null);
    }

    [Fact]
    public void IsEnabled_KeyCreatedAfterTheTable_FindsTheConfiguredFlag()
    {
        var name = "Later" + Guid.NewGuid().ToString("N");
        var (configuration, provider) = Runtime();
        Reload(configuration, [name]);

        var key = new FlagKey(name);

        new FlagSnapshot(provider.Current, EvaluationContext.Empty, TimeProvider.System).IsEnabled(key).ShouldBeTrue();
        provider.Current.Find(key)!.Name.ShouldBe(name);
    }

    [Fact]
    public void Reload_ThousandNewNamesFiftyTimes_RetainedMemoryStaysFlat()
    {
        var (configuration, _) = Runtime();

        // Past the registry's limit for names only configuration knows, whatever ran before.
        for (var i = 0; i < 1 + (FlagKeyRegistry.ConfiguredNameLimit / 1000); i++)
        {
            Reload(configuration, NewNames(1000));
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 50; i++)
        {
            Reload(configuration, NewNames(1000));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);

        // Registering and interning every name kept about 100 KB per reload: 5 MB over these fifty.
        (after - before).ShouldBeLessThan(1_000_000);
    }

    private static (ReplaceableSource.Provider Configuration, FlagTableProvider Provider) Runtime()
    {
        var source = new ReplaceableSource();
        var configuration = new ConfigurationBuilder().Add(source).Build();
        return (source.Built!, FlagHarness.Services(configuration).GetRequiredService<FlagTableProvider>());
    }

    private static void Reload(ReplaceableSource.Provider configuration, string[] names) =>
        configuration.Replace(names.ToDictionary(name => "FeatureFlags:" + name, _ => (string?)"true"));

    private static string[] NewNames(int count)
    {
        var prefix = Guid.NewGuid().ToString("N");
        return Enumerable.Range(0, count).Select(i => $"F{prefix}{i}").ToArray();
    }
}

[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;
