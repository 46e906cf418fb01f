using Xunit.Sdk;

namespace FeatureFlags.Testing.Tests.Matrix;

public sealed class FlagMatrixAttributeSerializationTests
{
    private static List<object> Rows(FlagMatrixAttribute attribute) =>
        attribute.GetData(typeof(FlagMatrixAttributeSerializationTests).GetMethod(nameof(Rows), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!)
            .Select(r => r.Single())
            .ToList();

    [Fact]
    public void GetData_Rows_AreSerializableSoXunitListsEachCaseAtDiscovery()
    {
        var rows = Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout));

        rows.ShouldAllBe(r => SerializationHelper.IsSerializable(r));
    }

    [Fact]
    public void Deserialize_EveryRow_RebuildsTheSameCase()
    {
        var rows = Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout, ShopFlags.SearchV2));

        foreach (var row in rows.Cast<FlagMatrixCase>())
        {
            var copy = SerializationHelper.Deserialize<FlagMatrixCase>(SerializationHelper.Serialize(row));

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
        var row = Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Staging") { ContentRoot = root.Path })[0];

        var copy = SerializationHelper.Deserialize<FlagMatrixCase>(SerializationHelper.Serialize(row));

        copy.Name.ShouldBe("Staging");
        copy.Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_WithSectionName_ReadsThatSectionAgain()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "Toggles": { "SearchV2": true } }""");
        var row = Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Staging") { ContentRoot = root.Path, SectionName = "Toggles" })[0];

        var copy = SerializationHelper.Deserialize<FlagMatrixCase>(SerializationHelper.Serialize(row));

        copy.Snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
    }

    [Fact]
    public void Deserialize_SettingsChangedSinceDiscovery_ThrowsAskingToRediscover()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "SearchV2": false } }""");
        var plannedOn = Rows(new FlagMatrixAttribute(typeof(ShopFlags), "Production", ShopFlags.NewCheckout) { ContentRoot = root.Path })
            .Cast<FlagMatrixCase>()
            .Single(c => c.Kind == FlagMatrixCaseKind.PlannedOn);
        var serialized = SerializationHelper.Serialize(plannedOn);

        // NewCheckout is now on in the settings, so "Production + NewCheckout on" coincides with "Production".
        root.With("appsettings.json", """{ "FeatureFlags": { "NewCheckout": true } }""");

        Should.Throw<Exception>(() => SerializationHelper.Deserialize<FlagMatrixCase>(serialized))
            .ToString().ShouldContain("no longer has the case 'Production + NewCheckout on'");
    }
}
