using FeatureFlags.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeatureFlags.DependencyInjection;

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
