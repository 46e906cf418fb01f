using FeatureFlags;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the flag runtime's <see cref="FeatureFlagsHealthCheck"/> to the host's health checks.</summary>
public static class FeatureFlagsHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given.</summary>
    public const string DefaultName = "feature-flags";

    /// <summary>
    /// Adds <see cref="FeatureFlagsHealthCheck"/>: healthy while the last reload was taken and every remote flag source is
    /// connected; degraded, with the problems and since when in its data, while a rejected configuration is waiting or a
    /// remote source (etcd) is disconnected. Requires <c>AddFeatureFlags</c>.
    /// </summary>
    /// <param name="builder">The health checks builder, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name; <c>feature-flags</c> by default.</param>
    /// <param name="tags">Tags to filter checks by, such as <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddFeatureFlagsHealthCheck(this IHealthChecksBuilder builder, string name = DefaultName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        // The check reports Degraded itself; the failure status only applies if it throws, which it does not by design.
        return builder.Add(new HealthCheckRegistration(
            name,
            static services => services.GetService<FeatureFlagsHealthCheck>() ?? throw new InvalidOperationException(
                "The feature flags health check needs the flag runtime: call services.AddFeatureFlags(configuration) too."),
            HealthStatus.Unhealthy,
            tags));
    }
}
