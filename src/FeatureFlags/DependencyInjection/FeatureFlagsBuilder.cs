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
}
