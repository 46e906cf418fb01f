// Shared by the xunit v2 and v3 adapter tests (FeatureFlags.Testing.XunitV3.Tests links this file): the
// attribute promises the same on both; XunitAdapter hides how each version hands rows over.
namespace FeatureFlags.Testing.Xunit.Tests.Matrix;

public sealed class FlagMatrixAttributeTests
{
    [Fact]
    public void GetData_Attribute_OneSingleArgumentRowPerCase()
    {
        var attribute = new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout, ShopFlags.SearchV2);

        var rows = XunitAdapter.Rows(attribute);

        rows.ShouldAllBe(r => r.Length == 1 && r[0] is FlagMatrixCase);
        rows.Select(r => r[0]!.ToString()).ShouldBe(FlagMatrix.For<ShopFlags>("Production", ShopFlags.NewCheckout, ShopFlags.SearchV2).Select(c => c.Name));
        attribute.PlannedFlags.ShouldBe([ShopFlags.NewCheckout, ShopFlags.SearchV2]);
    }

    [Fact]
    public void GetData_AttributeWithContentRoot_ReadsThatFolder()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SearchV2": true } }""");
        var attribute = new FlagMatrixAttribute(typeof(ShopFlags), "Production") { ContentRoot = root.Path };

        var first = (FlagMatrixCase)XunitAdapter.Rows(attribute)[0][0]!;

        first.Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void GetData_AttributeWithSectionName_ReadsThatSection()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "Toggles": { "SearchV2": true } }""");
        var attribute = new FlagMatrixAttribute(typeof(ShopFlags), "Production") { ContentRoot = root.Path, SectionName = "Toggles" };

        var first = (FlagMatrixCase)XunitAdapter.Rows(attribute)[0][0]!;

        first.Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void GetData_AttributeOnNonCatalog_Throws()
    {
        var attribute = new FlagMatrixAttribute(typeof(FlagMatrixAttributeTests), "Production");

        Should.Throw<ArgumentException>(() => XunitAdapter.Rows(attribute)).Message.ShouldContain("is not a flag catalog");
    }

    [Fact]
    public void GetData_MisspeltEnvironment_ThrowsNamingTheEnvironmentThatExists()
    {
        var attribute = new FlagMatrixAttribute(typeof(ShopFlags), "Prodcution", ShopFlags.NewCheckout);

        Should.Throw<FileNotFoundException>(() => XunitAdapter.Rows(attribute)).Message.ShouldContain("did you mean 'Production'?");
    }

    [Fact]
    public void GetData_Rows_AreSerializableSoXunitListsEachCaseAtDiscovery()
    {
        var rows = XunitAdapter.Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout));

        rows.ShouldAllBe(r => XunitAdapter.IsSerializable(r[0]!));
    }

    [Fact]
    public void Deserialize_EveryRow_RebuildsTheSameCase()
    {
        var rows = XunitAdapter.Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout, ShopFlags.SearchV2));

        foreach (var row in rows.Select(r => (FlagMatrixCase)r[0]!))
        {
            var copy = XunitAdapter.RoundTrip(row);

            copy.Name.ShouldBe(row.Name);
            copy.Kind.ShouldBe(row.Kind);
            copy.PlannedFlag.ShouldBe(row.PlannedFlag);
            copy.Snapshot.ToString().ShouldBe(row.Snapshot.ToString());
        }
    }

    [Fact]
    public void Deserialize_WithContentRoot_ReadsThatFolderAgain()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SearchV2": true } }""");
        var row = (FlagMatrixCase)XunitAdapter.Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Staging") { ContentRoot = root.Path })[0][0]!;

        var copy = XunitAdapter.RoundTrip(row);

        copy.Name.ShouldBe("Staging");
        copy.Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_WithSectionName_ReadsThatSectionAgain()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "Toggles": { "SearchV2": true } }""");
        var row = (FlagMatrixCase)XunitAdapter.Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Staging") { ContentRoot = root.Path, SectionName = "Toggles" })[0][0]!;

        XunitAdapter.RoundTrip(row).Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_SettingsChangedSinceDiscovery_ThrowsAskingToRediscover()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SearchV2": false } }""");
        var plannedOn = XunitAdapter.Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout) { ContentRoot = root.Path })
            .Select(r => (FlagMatrixCase)r[0]!)
            .Single(c => c.Kind == FlagMatrixCaseKind.PlannedOn);
        var serialized = XunitAdapter.Serialize(plannedOn);

        // NewCheckout is now on in the settings, so "Production + NewCheckout on" coincides with "Production".
        root.With("appsettings.json", """{ "FeatureFlags": { "NewCheckout": true } }""");

        Should.Throw<Exception>(() => XunitAdapter.Deserialize(serialized))
            .ToString().ShouldContain("no longer has the case 'Production + NewCheckout on'");
    }

    [Theory]
    [FlagMatrix(typeof(ShopFlags), "Production", ShopFlags.NewCheckout)]
    public void Theory_MatrixAttribute_CaseMatchesItsKind(FlagMatrixCase flags)
    {
        var newCheckout = flags.Snapshot.Explain(ShopFlags.NewCheckout);
        switch (flags.Kind)
        {
            case FlagMatrixCaseKind.Environment:
                newCheckout.Reason.ShouldBe(EvaluationReason.Rollout);
                break;
            case FlagMatrixCaseKind.PlannedOn:
            case FlagMatrixCaseKind.AllOn:
                newCheckout.IsEnabled.ShouldBeTrue();
                break;
            default:
                newCheckout.IsEnabled.ShouldBeFalse();
                break;
        }
    }}
