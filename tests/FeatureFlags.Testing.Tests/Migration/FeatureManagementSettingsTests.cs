namespace FeatureFlags.Testing.Tests.Migration;

/// <summary>
/// An application that reads Microsoft.FeatureManagement's configuration (<c>AddMicrosoftFeatureManagementFlags()</c>)
/// tests with the same flags: the options that method sets reach the test snapshots and the matrix.
/// </summary>
public sealed class FeatureManagementSettingsTests
{
    private const string Settings = """
        {
          "FeatureManagement": {
            "NewCheckout": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Users": [ "alice" ], "Groups": [ { "Name": "beta", "RolloutPercentage": 100 } ] } } } ] }
          },
          "feature_management": { "feature_flags": [ { "id": "SearchV2", "enabled": true } ] }
        }
        """;

    private static readonly FeatureFlagsOptions ReadingFeatureManagement = new() { ReadMicrosoftFeatureManagementFlags = true };

    [Fact]
    public void FromEnvironment_OptionSet_ReadsBothSchemasAsTheApplicationDoes()
    {
        using var root = new TempDirectory().With("appsettings.json", Settings);

        var production = TestFlags.FromEnvironment(FlagCatalog.For<ShopFlags>(), "Production", root.Path, ReadingFeatureManagement);

        production.WithContext(new EvaluationContext("alice")).IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        production.WithContext(new EvaluationContext("bob", ["beta"])).IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        production.WithContext(new EvaluationContext("Alice")).IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
        production.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void FromEnvironment_OptionNotSet_TheirSectionsAreNotFlags()
    {
        using var root = new TempDirectory().With("appsettings.json", Settings);

        var production = TestFlags.FromEnvironment(FlagCatalog.For<ShopFlags>(), "Production", root.Path, options: null);

        production.WithContext(new EvaluationContext("alice")).IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
    }

    [Fact]
    public void FlagMatrix_OptionSet_ProductionCaseIsTheirConfiguration()
    {
        using var root = new TempDirectory().With("appsettings.json", Settings);

        var cases = FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, ReadingFeatureManagement, [ShopFlags.SearchV2]);

        cases.First().Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
        cases.Select(c => c.Name).ShouldContain(n => n.Contains("off", StringComparison.OrdinalIgnoreCase));
    }
}
