namespace FeatureFlags.Package.Tests;

/// <summary>One pack for every test that needs the package.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}
