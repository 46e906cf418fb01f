using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeatureFlags.Tests.DependencyInjection;

public sealed class FeatureFlagsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddFeatureFlags_CalledTwice_RegistersOnceAndKeepsTheFirstConfiguration()
    {
        var first = FlagHarness.Configuration(new Settings { ["FeatureFlags:X"] = "true" });
        var second = FlagHarness.Configuration(new Settings { ["FeatureFlags:X"] = "false" });
        var services = new ServiceCollection();

        services.AddFeatureFlags(first).AddCatalog<TestCatalog>();
        services.AddFeatureFlags(second).AddCatalog<TestCatalog>();

        services.Count(d => d.ServiceType == typeof(IFlagSnapshotFactory)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IFlagSnapshot)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<FeatureFlagsOptions>)).ShouldBe(1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot().IsEnabled("X").ShouldBeTrue();
    }

    [Fact]
    public void AddCatalog_SameCatalogTwice_IsHarmless()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(), b => b.AddCatalog<TestCatalog>().AddCatalog(FlagCatalog.For<TestCatalog>()));

        provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot().ExplainAll().Count.ShouldBe(FlagCatalog.For<TestCatalog>().Flags.Count);
    }

    [Fact]
    public void AddFeatureFlags_CustomSectionName_ReadsThatSection()
    {
        using var provider = FlagHarness.Services(
            FlagHarness.Configuration(new Settings { ["Toggles:X"] = "true", ["FeatureFlags:X"] = "false" }),
            options: o => o.SectionName = "Toggles");

        provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot().IsEnabled("X").ShouldBeTrue();
    }

    [Fact]
    public void AddFeatureFlags_EmptySectionName_FailsWithClearMessage()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(), options: o => o.SectionName = " ");

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IFlagSnapshotFactory>())
            .Message.ShouldContain("SectionName must name a configuration section");
    }

    [Fact]
    public void CreateSnapshot_ExplicitContext_EvaluatesForThatContext()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(new Settings { ["FeatureFlags:Beta:Users:0"] = "alice" }));
        var factory = provider.GetRequiredService<IFlagSnapshotFactory>();

        factory.CreateSnapshot(new EvaluationContext("alice")).IsEnabled("Beta").ShouldBeTrue();
        factory.CreateSnapshot().IsEnabled("Beta").ShouldBeFalse();
        Should.Throw<ArgumentNullException>(() => factory.CreateSnapshot(null!));
    }
}
