using System.Reflection;

namespace FeatureFlags.Testing.Tests.Matrix;

public sealed class FlagMatrixTests
{
    // Production (output directory): NewCheckout 10% rollout, SearchV2 off, CheckoutButton on with
    // variants, BetaReports off, Recommendations at its default (on).
    [Fact]
    public void For_TwoPlannedFlags_ProducesExactlyTheDocumentedCasesInOrder()
    {
        var cases = FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout, ShopFlags.SearchV2);

        cases.Select(c => c.Name).ShouldBe(
            ["Production", "Production + NewCheckout on", "Production + SearchV2 on", "Production, planned off", "All on", "All off"]);
        cases.Select(c => c.Kind).ShouldBe(
        [
            FlagMatrixCaseKind.Environment, FlagMatrixCaseKind.PlannedOn, FlagMatrixCaseKind.PlannedOn,
            FlagMatrixCaseKind.PlannedOff, FlagMatrixCaseKind.AllOn, FlagMatrixCaseKind.AllOff,
        ]);
        cases.Select(c => c.PlannedFlag).ShouldBe([null, ShopFlags.NewCheckout, ShopFlags.SearchV2, null, null, null]);
    }

    [Fact]
    public void For_TwoPlannedFlags_EachCaseHasTheDocumentedValues()
    {
        var cases = FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout, ShopFlags.SearchV2);

        string[] Values(FlagMatrixCase c) => c.Snapshot.ExplainAll().Select(e => $"{e.Flag}={Describe(e)}").ToArray();

        Values(cases[0]).ShouldBe(["BetaReports=off", "CheckoutButton=on", "NewCheckout=Rollout", "Recommendations=on", "SearchV2=off"]);
        Values(cases[1]).ShouldBe(["BetaReports=off", "CheckoutButton=on", "NewCheckout=on", "Recommendations=on", "SearchV2=off"]);
        Values(cases[2]).ShouldBe(["BetaReports=off", "CheckoutButton=on", "NewCheckout=Rollout", "Recommendations=on", "SearchV2=on"]);
        Values(cases[3]).ShouldBe(["BetaReports=off", "CheckoutButton=on", "NewCheckout=off", "Recommendations=on", "SearchV2=off"]);
        Values(cases[4]).ShouldAllBe(v => v.EndsWith("=on", StringComparison.Ordinal));
        Values(cases[5]).ShouldAllBe(v => v.EndsWith("=off", StringComparison.Ordinal));
    }

    [Fact]
    public void For_PlannedFlagAlreadyOffInEnvironment_DropsTheFallbackThatCoincides()
    {
        // SearchV2 is off in production, so "planned off" is production itself.
        var cases = FlagMatrix.For<ShopFlags>("Production", ShopFlags.SearchV2);

        cases.Select(c => c.Name).ShouldBe(["Production", "Production + SearchV2 on", "All on", "All off"]);
    }

    [Fact]
    public void For_PlannedFlagAlreadyOnInEnvironment_DropsTheOnCaseThatCoincides()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "NewCheckout": true, "SearchV2": false } }""");

        var cases = FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, [ShopFlags.NewCheckout]);

        cases.Select(c => c.Name).ShouldBe(["Production", "Production, planned off", "All on", "All off"]);
    }

    [Fact]
    public void For_EnvironmentAlreadyAllOn_KeepsOnlyTheFirstName()
    {
        using var root = new TempDirectory().With(
            "appsettings.json",
            """{ "FeatureFlags": { "NewCheckout": true, "SearchV2": { "Enabled": true }, "Recommendations": true, "CheckoutButton": true, "BetaReports": true } }""");

        var cases = FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, []);

        cases.Select(c => c.Name).ShouldBe(["Production", "All off"]);
    }

    [Fact]
    public void For_MisspeltEnvironment_ThrowsNamingTheEnvironmentThatExists()
    {
        // The output folder holds appsettings.json and appsettings.Production.json.
        Should.Throw<FileNotFoundException>(() => FlagMatrix.For<ShopFlags>("Prodcution", ShopFlags.NewCheckout))
            .Message.ShouldContain("did you mean 'Production'?");
    }

    [Fact]
    public void For_NoPlannedFlags_EnvironmentAllOnAllOff()
    {
        FlagMatrix.For<ShopFlags>("Production").Select(c => c.Name).ShouldBe(["Production", "All on", "All off"]);
    }

    [Fact]
    public void For_PlannedFlagTwiceInOtherCase_OneCaseWithTheDeclaredName()
    {
        var cases = FlagMatrix.For<ShopFlags>("Production", "searchv2", ShopFlags.SearchV2);

        cases.Count(c => c.Kind == FlagMatrixCaseKind.PlannedOn).ShouldBe(1);
        cases[1].Name.ShouldBe("Production + SearchV2 on");
    }

    [Fact]
    public void For_CalledTwice_SameNamesAndValues()
    {
        var first = FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout);
        var second = FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout);

        second.Select(c => c.ToString()).ShouldBe(first.Select(c => c.ToString()));
        second.Select(c => c.Snapshot.ToString()).ShouldBe(first.Select(c => c.Snapshot.ToString()));
    }

    [Fact]
    public void For_PlannedFlagTypo_ThrowsNamingTheNearestFlag()
    {
        Should.Throw<ArgumentException>(() => FlagMatrix.For<ShopFlags>("Production", "NewCheckuot"))
            .Message.ShouldContain("declares no flag 'NewCheckuot' (did you mean 'NewCheckout'?)");
    }

    [Fact]
    public void For_BadEnvironmentSettings_ThrowsFlagConfigurationException()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "NewCheckout": "yes" } }""");

        Should.Throw<FlagConfigurationException>(() => FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, []));
    }

    [Fact]
    public void For_CaseSnapshots_ExplainNamesTheCase()
    {
        var cases = FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout);

        cases[1].Snapshot.Explain(ShopFlags.NewCheckout).Sources.Single().ToString()
            .ShouldBe("NewCheckout in fixed by test (matrix case 'Production + NewCheckout on')");
        cases[1].Snapshot.Explain(ShopFlags.BetaReports).Sources.Single().Provider.ShouldBe("appsettings.Production.json");
    }

    [Fact]
    public void For_AllOn_ExperimentKeepsItsConfiguredVariants()
    {
        var allOn = FlagMatrix.For<ShopFlags>("Production").Single(c => c.Kind == FlagMatrixCaseKind.AllOn);

        allOn.Snapshot.GetVariant(ShopFlags.CheckoutButton).ShouldBeOneOf("blue", "green");
        allOn.Snapshot.IsEnabled(ShopFlags.BetaReports).ShouldBeTrue();
    }

    [Fact]
    public void ToString_Case_IsItsName()
    {
        var fallback = FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout)[2];

        fallback.ToString().ShouldBe("Production, planned off");
        fallback.Name.ShouldBe(fallback.ToString());
    }

    [Fact]
    public void For_OptionsWithSectionName_ReadsThatSection()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SearchV2": false }, "Toggles": { "SearchV2": true } }""");

        var cases = FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, new FeatureFlagsOptions { SectionName = "Toggles" }, [ShopFlags.NewCheckout]);

        cases[0].Snapshot.Explain(ShopFlags.SearchV2).Sources.Select(s => s.Key).ShouldBe(["Toggles:SearchV2"]);
        cases[0].Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    private static string Describe(FlagEvaluation evaluation) =>
        evaluation.Reason == EvaluationReason.Rollout ? "Rollout" : evaluation.IsEnabled ? "on" : "off";
}
