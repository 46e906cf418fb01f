using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// Both libraries registered the way an application registers them, in one container over one
/// configuration root, so each scenario compares equals.
/// </summary>
public sealed class Libraries : IDisposable
{
    public Libraries(IReadOnlyList<BenchmarkFlag>? flags = null)
    {
        Configuration = BenchmarkFlags.Configuration(flags);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(Configuration);
        services.AddFeatureFlags(Configuration);
        services.AddScoped<IEvaluationContextProvider, BenchmarkUser>();
        services.AddFeatureManagement().WithTargeting<BenchmarkUser>();
        Services = services.BuildServiceProvider();
        ScopeFactory = Services.GetRequiredService<IServiceScopeFactory>();

        // Both libraries build their state lazily in places; one read each keeps that out of the measurements.
        FeatureManager.IsEnabledAsync(BenchmarkFlags.Plain).GetAwaiter().GetResult();
        Reader.IsEnabled(BenchmarkFlags.Plain);
    }

    public IConfigurationRoot Configuration { get; }

    public ServiceProvider Services { get; }

    public IServiceScopeFactory ScopeFactory { get; }

    public IFlagReader Reader => Services.GetRequiredService<IFlagReader>();

    public IFlagSnapshotFactory SnapshotFactory => Services.GetRequiredService<IFlagSnapshotFactory>();

    public IFeatureManager FeatureManager => Services.GetRequiredService<IFeatureManager>();

    public IVariantFeatureManager VariantFeatureManager => Services.GetRequiredService<IVariantFeatureManager>();

    public void Dispose() => Services.Dispose();
}
