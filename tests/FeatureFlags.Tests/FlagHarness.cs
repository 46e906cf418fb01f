using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests;

/// <summary>Builds the runtime the way an application does, from in-memory configuration layers.</summary>
internal static class FlagHarness
{
    public static IConfigurationRoot Configuration(params Settings[] layers)
    {
        var builder = new ConfigurationBuilder();
        foreach (var layer in layers)
        {
            builder.AddInMemoryCollection(layer);
        }

        return builder.Build();
    }

    public static ServiceProvider Services(IConfiguration configuration, Action<FeatureFlagsBuilder>? build = null, Action<FeatureFlagsOptions>? options = null, LogCapture? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(logs);
        }

        var flags = services.AddFeatureFlags(configuration, options);
        build?.Invoke(flags);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static IFlagSnapshot Snapshot(IConfiguration configuration, EvaluationContext? context = null, Action<FeatureFlagsBuilder>? build = null)
    {
        var factory = Services(configuration, build).GetRequiredService<IFlagSnapshotFactory>();
        return context is null ? factory.CreateSnapshot() : factory.CreateSnapshot(context);
    }

    public static IFlagSnapshot Snapshot(Settings configuration, EvaluationContext? context = null) =>
        Snapshot(Configuration(configuration), context);
}
