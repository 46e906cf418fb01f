using System.Reflection;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Generators.Tests;

/// <summary>Runs the generated code: a catalog compiled with the generator, loaded and read like an application would.</summary>
public sealed class GeneratedCodeBehaviourTests
{
    // Written the way an application uses the generated members, so these tests also prove the API compiles as documented.
    private const string Probe = """
        namespace Shop.Flags;

        public static class Probe
        {
            public static string Read(FeatureFlags.IFlagSnapshot snapshot)
            {
                var flags = Flags.For(snapshot);
                return $"{flags.NewCheckout}|{flags.Recommendations}|{flags.CheckoutButton}|{flags.CheckoutButtonVariant ?? "none"}|{flags.BetaReports}|{flags.Hidden}";
            }

            public static bool ReadDefaultView() => default(Flags.View).NewCheckout;

            public static FeatureFlags.FlagKey NewCheckoutKey => Flags.Keys.NewCheckout;

            public static FeatureFlags.FlagCatalog Catalog => Flags.Catalog;
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
        InMemoryAssembly.Load(GeneratorHarness.Run(Sources.ShopCatalog, Probe).Output));

    [Fact]
    public void View_ConfiguredSnapshot_ReadsEveryFlagAndTheVariant()
    {
        var snapshot = Snapshot(new Dictionary<string, string?>
        {
            ["FeatureFlags:NewCheckout"] = "true",
            ["FeatureFlags:checkout-button:Enabled"] = "true",
            ["FeatureFlags:checkout-button:Variants:blue"] = "100",
            ["FeatureFlags:Reports.Beta"] = "false",
        });

        Read(snapshot).ShouldBe("True|True|True|blue|False|False");
    }

    [Fact]
    public void View_FlagsTurnedOffInConfiguration_ReadFalseAndNoVariant()
    {
        var snapshot = Snapshot(new Dictionary<string, string?>
        {
            ["FeatureFlags:NewCheckout"] = "false",
            ["FeatureFlags:Recommendations"] = "false",
            ["FeatureFlags:checkout-button"] = "false",
            ["FeatureFlags:Reports.Beta"] = "true",
            ["FeatureFlags:Reports.Hidden"] = "true",
        });

        Read(snapshot).ShouldBe("False|False|False|none|True|True");
    }

    [Fact]
    public void For_NullSnapshot_ThrowsArgumentNullException()
    {
        Should.Throw<ArgumentNullException>(() => Read(null));
    }

    [Fact]
    public void View_Default_ThrowsInvalidOperationExceptionNamingTheCatalog()
    {
        var exception = Should.Throw<InvalidOperationException>(() => InMemoryAssembly.Invoke<bool>(Generated.Value, "Shop.Flags.Probe", "ReadDefaultView"));

        exception.Message.ShouldBe("This Shop.Flags.Flags.View is default and reads no snapshot: create it with For(snapshot).");
    }

    [Fact]
    public void Keys_GeneratedKey_EqualsKeyOfTheFlagName()
    {
        InMemoryAssembly.Invoke<FlagKey>(Generated.Value, "Shop.Flags.Probe", "NewCheckoutKey").ShouldBe(new FlagKey("NewCheckout"));
    }

    [Fact]
    public void Catalog_Generated_EqualsWhatReflectionReadsFromTheSameClass()
    {
        var generated = InMemoryAssembly.Invoke<FlagCatalog>(Generated.Value, "Shop.Flags.Probe", "Catalog");
        var withoutGenerator = InMemoryAssembly.Load(GeneratorHarness.Compilation(Sources.ShopCatalog));
        var reflected = FlagCatalog.FromType(withoutGenerator.GetType("Shop.Flags.Flags", throwOnError: true)!);

        generated.Name.ShouldBe("Shop.Flags.Flags");
        generated.Name.ShouldBe(reflected.Name);
        Describe(generated).ShouldBe(Describe(reflected));
        Describe(generated).ShouldBe(
        [
            "NewCheckout|Release|2027-03-31|team-checkout|New checkout flow <v2> & more|https://example.test/issues/1|False",
            "Recommendations|Ops|||Kill switch||True",
            "checkout-button|Experiment|2027-01-31||||False",
            "Reports.Beta|Permission|||||False",
            "Reports.Hidden|Ops|||||False",
        ]);
    }

    [Fact]
    public void AddCatalogOfT_GeneratedCatalogClass_RegistersTheGeneratedCatalogInstance()
    {
        var catalogType = Generated.Value.GetType("Shop.Flags.Flags", throwOnError: true)!;
        var generated = InMemoryAssembly.Invoke<FlagCatalog>(Generated.Value, "Shop.Flags.Probe", "Catalog");

        FlagCatalog.FromType(catalogType).ShouldBeSameAs(generated);
    }

    [Fact]
    public void View_VariantTypes_ReadTheBoundValues()
    {
        var snapshot = PayloadServices(new()
        {
            ["FeatureFlags:CheckoutButton:Variants:green:Weight"] = "1",
            ["FeatureFlags:CheckoutButton:Variants:green:Value:Color"] = "#2e7d32",
            ["FeatureFlags:PageSize:Variants:large:Weight"] = "1",
            ["FeatureFlags:PageSize:Variants:large:Value"] = "48",
        }).GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext("alice"));

        InMemoryAssembly.Invoke<string>(PayloadAssembly.Value, "Shop.Flags.ValueProbe", "Read", snapshot).ShouldBe("green|#2e7d32|48");
        PayloadCatalog.Find("CheckoutButton")!.VariantType!.Type.Name.ShouldBe("ButtonStyle");
    }

    [Fact]
    public void Catalog_ValueOfWrongShape_StartUpErrorFromTheGeneratedBinder()
    {
        var services = PayloadServices(new()
        {
            ["FeatureFlags:PageSize:Variants:large:Weight"] = "1",
            ["FeatureFlags:PageSize:Variants:large:Value"] = "forty-eight",
        });

        Should.Throw<FlagConfigurationException>(() => services.GetRequiredService<IFlagSnapshotFactory>())
            .Problems.ShouldHaveSingleItem().ShouldStartWith("FeatureFlags:PageSize:Variants:large:Value: does not bind to Int32, the flag's variant type:");
    }

    private static readonly Lazy<Assembly> PayloadAssembly = new(() => InMemoryAssembly.Load(GeneratorHarness.Run(Sources.PayloadCatalog).Output));

    private static FlagCatalog PayloadCatalog => InMemoryAssembly.Invoke<FlagCatalog>(PayloadAssembly.Value, "Shop.Flags.ValueProbe", "Catalog");

    /// <summary>A container with the generated payload catalog registered over <paramref name="settings"/>.</summary>
    private static ServiceProvider PayloadServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddFeatureFlags(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddCatalog(PayloadCatalog);
        return services.BuildServiceProvider();
    }

    private static string[] Describe(FlagCatalog catalog) =>
        catalog.Flags.Select(f => string.Join('|', f.Name, f.Kind, f.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Owner, f.Description, f.RemovalIssue, f.DefaultValue)).ToArray();

    private static string Read(IFlagSnapshot? snapshot) =>
        InMemoryAssembly.Invoke<string>(Generated.Value, "Shop.Flags.Probe", "Read", snapshot);

    private static IFlagSnapshot Snapshot(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFeatureFlags(configuration).AddCatalog(InMemoryAssembly.Invoke<FlagCatalog>(Generated.Value, "Shop.Flags.Probe", "Catalog"));
        return services.BuildServiceProvider().GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext("alice"));
    }
}
