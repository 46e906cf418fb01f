namespace FeatureFlags.DependencyInjection;

/// <summary>One catalog registered with <see cref="FeatureFlagsBuilder.AddCatalog(FlagCatalog)"/>.</summary>
internal sealed record FlagCatalogRegistration(FlagCatalog Catalog);
