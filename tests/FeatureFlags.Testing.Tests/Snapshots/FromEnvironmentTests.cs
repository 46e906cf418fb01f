using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeatureFlags.Testing.Tests.Snapshots;

public sealed class FromEnvironmentTests
{
    private const string BaseSettings = """
        { "FeatureFlags": {
            "NewCheckout": { "Enabled": true, "Users": ["alice"] },
            "SearchV2": true,
            "CheckoutButton": { "Enabled": true, "Variants": { "blue": 50, "green": 50 } } } }
        """;

    [Fact]
    public void FromEnvironment_OutputDirectory_LayersEnvironmentFileOverBase()
    {
        var production = TestFlags.FromEnvironment<ShopFlags>("Production");

        production.Explain(ShopFlags.NewCheckout).Sources.Select(s => s.ToString())
            .ShouldBe(["FeatureFlags:NewCheckout:Enabled in appsettings.Production.json", "FeatureFlags:NewCheckout:Rollout in appsettings.Production.json"]);
        production.IsEnabled(ShopFlags.BetaReports).ShouldBeFalse();
        production.Explain(ShopFlags.BetaReports).Sources.Single().ToString().ShouldBe("FeatureFlags:BetaReports in appsettings.Production.json");
        production.IsEnabled(ShopFlags.Recommendations).ShouldBeTrue();
        production.Explain(ShopFlags.Recommendations).Reason.ShouldBe(EvaluationReason.Default);
    }

    [Fact]
    public void FromEnvironment_AttributeRules_ProUserInNlSeesItFreeUserDoesNot()
    {
        using var root = new TempDirectory()
            .With("appsettings.json", BaseSettings)
            .With("appsettings.Production.json", """
                {
                  "FeatureFlagSegments": { "LegalHold": { "Groups": ["legal-hold"] } },
                  "FeatureFlags": {
                    "SearchV2": {
                      "Enabled": true,
                      "Rules": [ { "When": { "plan": { "In": ["pro"] }, "country": { "In": ["NL", "BE"] } } } ],
                      "Exclude": { "Segments": ["LegalHold"] }
                    }
                  }
                }
                """);
        var production = TestFlags.FromEnvironment<ShopFlags>("Production", root.Path);

        var pro = production.WithContext(new EvaluationContext("ann", null, new("plan", "pro"), new("country", "NL")));
        var free = production.WithContext(new EvaluationContext("bob", null, new("plan", "free"), new("country", "NL")));
        var held = production.WithContext(new EvaluationContext("cy", ["legal-hold"], new("plan", "pro"), new("country", "NL")));

        pro.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
        pro.Explain(ShopFlags.SearchV2).DecidingRule.ShouldBe("Rules:0");
        free.IsEnabled(ShopFlags.SearchV2).ShouldBeFalse();
        held.Explain(ShopFlags.SearchV2).Reason.ShouldBe(EvaluationReason.Excluded);
    }

    [Fact]
    public void FromEnvironment_LaterScalarOverObject_ScalarWins()
    {
        using var root = new TempDirectory()
            .With("appsettings.json", BaseSettings)
            .With("appsettings.Staging.json", """{ "FeatureFlags": { "NewCheckout": false } }""");

        var staging = TestFlags.FromEnvironment<ShopFlags>("Staging", root.Path);

        staging.WithContext(new EvaluationContext("alice")).IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
        staging.Explain(ShopFlags.NewCheckout).Reason.ShouldBe(EvaluationReason.Disabled);
    }

    [Fact]
    public void FromEnvironment_Targeting_FollowsTheContext()
    {
        using var root = new TempDirectory().With("appsettings.json", BaseSettings);

        var flags = TestFlags.FromEnvironment<ShopFlags>("Production", root.Path);

        flags.IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
        flags.WithContext(new EvaluationContext("alice")).IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        flags.WithContext(new EvaluationContext("alice")).Explain(ShopFlags.NewCheckout).Reason.ShouldBe(EvaluationReason.TargetedUser);
    }

    [Fact]
    public void FromEnvironment_BadValues_ThrowsTheHostsErrorListingEveryProblem()
    {
        using var root = new TempDirectory()
            .With("appsettings.json", BaseSettings)
            .With("appsettings.Production.json", """{ "FeatureFlags": { "NewCheckout": "ture", "SearchV2": { "Rollout": 150 } } }""");

        var error = Should.Throw<FlagConfigurationException>(() => TestFlags.FromEnvironment<ShopFlags>("Production", root.Path));

        error.Problems.ShouldBe(
        [
            "FeatureFlags:NewCheckout: 'ture' is not a boolean (use true or false) [FeatureFlags:NewCheckout in appsettings.Production.json]",
            "FeatureFlags:SearchV2:Rollout: 150 is outside 0 to 100 [FeatureFlags:SearchV2:Rollout in appsettings.Production.json]",
        ]);
    }

    [Fact]
    public void FromEnvironment_BadValues_SameProblemsAsARealHost()
    {
        using var root = new TempDirectory()
            .With("appsettings.json", BaseSettings)
            .With("appsettings.Production.json", """{ "FeatureFlags": { "CheckoutButton": { "Variants": { "blue": -1 } }, "Typo": { "Enabeld": true } } }""");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root.Path, EnvironmentName = "Production" });
        builder.Configuration.SetBasePath(root.Path).AddJsonFile("appsettings.json").AddJsonFile("appsettings.Production.json");
        builder.Services.AddFeatureFlags(builder.Configuration).AddCatalog<ShopFlags>();
        using var host = builder.Build();

        var fromHost = Should.Throw<FlagConfigurationException>(() => host.Start());
        var fromTest = Should.Throw<FlagConfigurationException>(() => TestFlags.FromEnvironment<ShopFlags>("Production", root.Path));

        fromTest.Problems.ShouldBe(fromHost.Problems);
        fromTest.Problems.Count.ShouldBe(2);
    }

    [Fact]
    public void FromEnvironment_ValidSettings_SameValuesAsARealHost()
    {
        var root = AppContext.BaseDirectory;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root, EnvironmentName = "Production" });
        builder.Configuration.SetBasePath(root).AddJsonFile("appsettings.json").AddJsonFile("appsettings.Production.json");
        builder.Services.AddFeatureFlags(builder.Configuration).AddCatalog<ShopFlags>();
        using var host = builder.Build();
        var factory = host.Services.GetRequiredService<IFlagSnapshotFactory>();
        var fromTest = TestFlags.FromEnvironment<ShopFlags>("Production");

        foreach (var user in new[] { "alice", "bob", "carol", "dave", "erin", "frank" })
        {
            var context = new EvaluationContext(user);
            var expected = factory.CreateSnapshot(context).ExplainAll().Select(e => e.ToString());
            fromTest.WithContext(context).ExplainAll().Select(e => e.ToString()).ShouldBe(expected);
        }
    }

    [Fact]
    public void FromEnvironment_MalformedJson_ThrowsTheHostsParseError()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SearchV2": true, } ,,}""");

        Should.Throw<InvalidDataException>(() => TestFlags.FromEnvironment<ShopFlags>("Production", root.Path))
            .Message.ShouldContain("appsettings.json");
    }

    [Fact]
    public void FromEnvironment_OnlyEnvironmentFile_IsEnough()
    {
        using var root = new TempDirectory().With("appsettings.Test.json", """{ "FeatureFlags": { "SearchV2": true } }""");

        TestFlags.FromEnvironment<ShopFlags>("Test", root.Path).IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void FromEnvironment_NoSettingsFiles_ThrowsFileNotFoundNamingTheFolder()
    {
        using var root = new TempDirectory();

        Should.Throw<FileNotFoundException>(() => TestFlags.FromEnvironment<ShopFlags>("Production", root.Path))
            .Message.ShouldContain("Neither appsettings.json nor appsettings.Production.json is in '" + root.Path + "'");
    }

    [Theory]
    [InlineData("Prodcution")]
    [InlineData("production")]
    [InlineData("Productoin")]
    public void FromEnvironment_MisspeltEnvironment_ThrowsNamingTheEnvironmentsThatExist(string misspelt)
    {
        using var root = new TempDirectory()
            .With("appsettings.json", """{ "FeatureFlags": { "SearchV2": false } }""")
            .With("appsettings.Production.json", """{ "FeatureFlags": { "SearchV2": true } }""")
            .With("appsettings.Development.json", "{ }");

        var error = Should.Throw<FileNotFoundException>(() => TestFlags.FromEnvironment<ShopFlags>(misspelt, root.Path));

        error.Message.ShouldContain($"There is no appsettings.{misspelt}.json in '{root.Path}': did you mean 'Production'?");
        error.Message.ShouldContain("Environments with a settings file: Development, Production");
    }

    [Fact]
    public void FromEnvironment_EnvironmentWithoutAFileUnlikeAnyOther_ReadsTheBaseFile()
    {
        using var root = new TempDirectory()
            .With("appsettings.json", """{ "FeatureFlags": { "SearchV2": true } }""")
            .With("appsettings.Development.json", "{ }");

        TestFlags.FromEnvironment<ShopFlags>("Production", root.Path).IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void FromEnvironment_CustomSectionName_ReadsThatSection()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "Toggles": { "SearchV2": true }, "FeatureFlags": { "SearchV2": "not read" } }""");

        var flags = TestFlags.FromEnvironment(FlagCatalog.For<ShopFlags>(), "Production", root.Path, new FeatureFlagsOptions { SectionName = "Toggles" });

        flags.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void FromEnvironment_UndeclaredFlagAsErrors_Throws()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SerchV2": true } }""");
        var options = new FeatureFlagsOptions { TreatUndeclaredFlagsAsErrors = true };

        Should.Throw<FlagConfigurationException>(() => TestFlags.FromEnvironment(FlagCatalog.For<ShopFlags>(), "Production", root.Path, options))
            .Problems.Single().ShouldContain("no registered catalog declares the flag 'SerchV2' (did you mean 'SearchV2'?)");
    }

    [Fact]
    public void FromEnvironment_WithOverride_KeepsOtherFlagsFromSettings()
    {
        var flags = TestFlags.FromEnvironment<ShopFlags>("Production").With(ShopFlags.SearchV2, true);

        flags.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
        flags.Explain(ShopFlags.SearchV2).Sources.Single().Provider.ShouldBe("fixed by test");
        flags.Explain(ShopFlags.BetaReports).Sources.Single().Provider.ShouldBe("appsettings.Production.json");
    }

    [Fact]
    public void FromEnvironment_ExperimentTurnedOn_KeepsConfiguredVariants()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "CheckoutButton": { "Enabled": false, "Variants": { "blue": 1, "green": 1 } } } }""");

        var flags = TestFlags.FromEnvironment<ShopFlags>("Production", root.Path).With(ShopFlags.CheckoutButton, true);

        flags.GetVariant(ShopFlags.CheckoutButton).ShouldBeOneOf("blue", "green");
    }
}
