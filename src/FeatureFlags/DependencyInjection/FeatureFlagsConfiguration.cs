using Microsoft.Extensions.Configuration;

namespace FeatureFlags.DependencyInjection;

/// <summary>The configuration given to the first <c>AddFeatureFlags</c> call.</summary>
internal sealed record FeatureFlagsConfiguration(IConfiguration Configuration);
