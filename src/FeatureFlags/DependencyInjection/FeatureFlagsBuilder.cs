using System.Diagnostics.CodeAnalysis;
using FeatureFlags.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags;

/// <summary>Configures the flag runtime after <c>AddFeatureFlags</c>: chiefly, which catalogs declare the flags.</summary>
public sealed class FeatureFlagsBuilder
{
    internal FeatureFlagsBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection the runtime is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a catalog: its flags get their declared defaults and kinds, and configuration is checked
    /// against them. Registering the same catalog twice is harmless.
    /// </summary>
    /// <param name="catalog">The catalog, usually the generated <c>Flags.Catalog</c>.</param>
    /// <returns>This builder.</returns>
    public FeatureFlagsBuilder AddCatalog(FlagCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Services.Any(d => d.ServiceType == typeof(FlagCatalogRegistration) && d.ImplementationInstance is FlagCatalogRegistration r && ReferenceEquals(r.Catalog, catalog)))
        {
            Services.AddSingleton(new FlagCatalogRegistration(catalog));
        }

        return this;
    }

    /// <summary>
    /// Registers a catalog class: its generated <c>Catalog</c> when the source generator ran, otherwise the
    /// class read by reflection (see <see cref="FlagCatalog.FromType"/>).
    /// </summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <returns>This builder.</returns>
    public FeatureFlagsBuilder AddCatalog<[DynamicallyAccessedMembers(FlagCatalog.CatalogMembers)] TCatalog>()
        where TCatalog : class
        => AddCatalog(FlagCatalog.For<TCatalog>());

    /// <summary>
    /// Reads Microsoft.FeatureManagement's flags too (its .NET schema, section <c>FeatureManagement</c>), so that an
    /// application moves to this library without rewriting its configuration, and every user keeps the answer that
    /// library gave: targeting buckets users with its SHA-256 hash, not this library's. The flags are validated,
    /// explained, reloaded and read like this library's own; what cannot be expressed here (a custom filter,
    /// <c>RequirementType</c> <c>Any</c> over several filters, an unknown parameter) stops start-up with its path.
    /// </summary>
    /// <remarks>
    /// A flag defined in both <c>FeatureFlags</c> and <c>FeatureManagement</c> is an error. The percentage filter is the
    /// one difference: that library draws a random number at every read; here a user is bucketed as its targeting
    /// filter buckets a default rollout, so the share is the same and each user keeps one answer. See
    /// <c>docs/migrating-from-feature-management.md</c>.
    /// </remarks>
    /// <returns>This builder.</returns>
    public FeatureFlagsBuilder AddMicrosoftFeatureManagementFlags()
    {
        Services.Configure<FeatureFlagsOptions>(options => options.ReadMicrosoftFeatureManagementFlags = true);
        return this;
    }
}
