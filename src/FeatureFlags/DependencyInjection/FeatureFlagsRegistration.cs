using FeatureFlags.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeatureFlags.DependencyInjection;

/// <summary>The configuration given to the first <c>AddFeatureFlags</c> call.</summary>
internal sealed record FeatureFlagsConfiguration(IConfiguration Configuration);

/// <summary>One catalog registered with <see cref="FeatureFlagsBuilder.AddCatalog(FlagCatalog)"/>.</summary>
internal sealed record FlagCatalogRegistration(FlagCatalog Catalog);

/// <summary>Options type whose only purpose is to hook flag validation into host start-up.</summary>
internal sealed class FeatureFlagsStartupCheck;

/// <summary>Builds the flag table at host start, so bad configuration stops start-up rather than the first request.</summary>
internal sealed class FeatureFlagsStartupValidator(IServiceProvider services) : IValidateOptions<FeatureFlagsStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, FeatureFlagsStartupCheck options)
    {
        // Resolving the provider builds the table; a FlagConfigurationException is an
        // OptionsValidationException, which the host's start-up validation rethrows as it is.
        _ = services.GetRequiredService<FlagTableProvider>();
        return ValidateOptionsResult.Success;
    }
}

/// <summary>Rejects options that cannot work, at the first use of the options.</summary>
internal sealed class FeatureFlagsOptionsValidator : IValidateOptions<FeatureFlagsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeatureFlagsOptions options) =>
        string.IsNullOrWhiteSpace(options.SectionName)
            ? ValidateOptionsResult.Fail($"{nameof(FeatureFlagsOptions)}.{nameof(FeatureFlagsOptions.SectionName)} must name a configuration section.")
            : ValidateOptionsResult.Success;
}

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
            services.GetService<ILoggerFactory>());
    }
}
