using FeatureFlags.Diagnostics;
using FeatureFlags.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeatureFlags.DependencyInjection;

/// <summary>Creates the singleton <see cref="FlagTableProvider"/> from the registered pieces.</summary>
internal static class FlagTableProviderFactory
{
    public static FlagTableProvider Create(IServiceProvider services)
    {
        var catalogs = services.GetServices<FlagCatalogRegistration>()
            .Select(r => r.Catalog)
            .Distinct()
            .ToList();
        return new FlagTableProvider(
            services.GetRequiredService<FeatureFlagsConfiguration>().Configuration,
            services.GetRequiredService<IOptions<FeatureFlagsOptions>>().Value,
            catalogs,
            services.GetService<ILoggerFactory>(),
            services.GetRequiredService<FlagTelemetry>(),
            services.GetService<TimeProvider>());
    }
}
