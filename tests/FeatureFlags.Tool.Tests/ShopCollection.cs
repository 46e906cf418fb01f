namespace FeatureFlags.Tool.Tests;

/// <summary>One copy of the shop, built once, for every test of the tool: its build is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class ShopCollection : ICollectionFixture<ShopCopy>
{
    public const string Name = "Shop";
}
