using FeatureFlags;
using System.Diagnostics.Metrics;
using FeatureFlags.DependencyInjection;
using FeatureFlags.Diagnostics;
using FeatureFlags.Evaluation;
using FeatureFlags.Targeting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the flag runtime in an <see cref="IServiceCollection"/>.</summary>
public static class FeatureFlagsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the flag runtime, reading flags from the <c>FeatureFlags</c> section of
    /// <paramref name="configuration"/>: a scoped <see cref="IFlagSnapshot"/>, a singleton
    /// <see cref="IFlagSnapshotFactory"/>, a singleton <see cref="IFlagReader"/> for reads outside any scope, and a scoped <see cref="IEvaluationContextProvider"/> (anonymous
    /// unless replaced), <see cref="TimeProvider.System"/> as the <see cref="TimeProvider"/> scheduled flags read unless one is registered, and a <see cref="FeatureFlagsHealthCheck"/> for the host's health checks. Safe to call more than once: the first configuration is kept.
    /// </summary>
    /// <remarks>
    /// Pass the root configuration (<c>builder.Configuration</c>): the runtime then merges the sources
    /// one by one, so a later source wins whatever the shapes and every value knows its source.
    /// Invalid flag configuration stops host start with a <see cref="FlagConfigurationException"/>;
    /// a reload is validated the same way, and a bad one keeps the last good flags.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <param name="configure">Sets options such as strict mode.</param>
    /// <returns>A builder to register catalogs with.</returns>
    public static FeatureFlagsBuilder AddFeatureFlags(this IServiceCollection services, IConfiguration configuration, Action<FeatureFlagsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = services.AddOptions<FeatureFlagsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(new FeatureFlagsConfiguration(configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeatureFlagsOptions>, FeatureFlagsOptionsValidator>());
        services.TryAddSingleton(FlagTableProviderFactory.Create);
        // Scheduled flags read the clock once per snapshot; a test registers a FakeTimeProvider before this call or after it.
        services.TryAddSingleton(TimeProvider.System);
        // On the host's meter factory when it has one (hosts register it), so that each host sees its own instruments.
        services.TryAddSingleton(static s => new FlagTelemetry(
            s.GetService<IMeterFactory>(), s.GetRequiredService<IOptions<FeatureFlagsOptions>>().Value.IncludeContextKeyInTelemetry));
        services.TryAddSingleton(static s => new FeatureFlagsHealthCheck(
            s.GetRequiredService<FeatureFlags.Tables.FlagTableProvider>(), s.GetRequiredService<FeatureFlagsConfiguration>().Configuration));
        services.TryAddSingleton<IFlagSnapshotFactory, FlagSnapshotFactory>();
        services.TryAddSingleton<IFlagReader, CurrentFlagReader>();
        services.TryAddScoped<IEvaluationContextProvider, EmptyEvaluationContextProvider>();
        services.TryAddScoped(CreateScopedSnapshot);

        services.AddOptions<FeatureFlagsStartupCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeatureFlagsStartupCheck>, FeatureFlagsStartupValidator>());
        return new FeatureFlagsBuilder(services);
    }

    private static IFlagSnapshot CreateScopedSnapshot(IServiceProvider services) =>
        services.GetRequiredService<IFlagSnapshotFactory>()
            .CreateSnapshot(services.GetRequiredService<IEvaluationContextProvider>().GetContext());
}
