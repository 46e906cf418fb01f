using FeatureFlags;
using FeatureFlags.AspNetCore;
using FeatureFlags.AspNetCore.Context;
using FeatureFlags.AspNetCore.Gates;

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ASP.NET Core integration to the flag runtime.</summary>
public static class FeatureFlagsBuilderAspNetCoreExtensions
{
    /// <summary>
    /// Evaluates each request's flags for its signed-in user (key from the name-identifier or <c>sub</c>
    /// claim, groups from role claims) in one scoped snapshot per request, and enforces
    /// <see cref="RequireFlagAttribute"/> on MVC controllers and Razor Pages. Safe to call more than once.
    /// </summary>
    /// <remarks>
    /// Replaces the library's anonymous <see cref="IEvaluationContextProvider"/>; a provider the
    /// application registered itself is kept. The snapshot is made the first time a request asks for it,
    /// so ask after authentication has run (endpoints, filters, pages and views always do).
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddFeatureFlags</c>.</param>
    /// <param name="configure">Sets claim types, the closed-gate result, or the debug endpoint's reach.</param>
    /// <returns>The builder.</returns>
    public static FeatureFlagsBuilder AddAspNetCore(this FeatureFlagsBuilder builder, Action<FeatureFlagsAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        var options = services.AddOptions<FeatureFlagsAspNetCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpContextAccessor();
        ReplaceDefaultContextProvider(services);
        services.TryAddEnumerable(ServiceDescriptor.Transient<IConfigureOptions<MvcOptions>, FlagGateMvcOptionsSetup>());
        return builder;
    }

    private static void ReplaceDefaultContextProvider(IServiceCollection services)
    {
        var library = typeof(IEvaluationContextProvider).Assembly;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IEvaluationContextProvider))
            {
                continue;
            }

            // Only the core's anonymous default gives way; an application's own provider wins.
            if (descriptor.ImplementationType?.Assembly != library)
            {
                return;
            }

            services.RemoveAt(i);
        }

        services.AddScoped<IEvaluationContextProvider, HttpContextEvaluationContextProvider>();
    }
}
