using Microsoft.Extensions.Options;

namespace FeatureFlags.DependencyInjection;

/// <summary>Rejects options that cannot work, at the first use of the options.</summary>
internal sealed class FeatureFlagsOptionsValidator : IValidateOptions<FeatureFlagsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeatureFlagsOptions options) =>
        string.IsNullOrWhiteSpace(options.SectionName)
            ? ValidateOptionsResult.Fail($"{nameof(FeatureFlagsOptions)}.{nameof(FeatureFlagsOptions.SectionName)} must name a configuration section.")
            : ValidateOptionsResult.Success;
}
