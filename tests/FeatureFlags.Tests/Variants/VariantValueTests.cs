using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Variants;

/// <summary>Variant values: bound to the declared type once per table, read as the same object, or kept as configuration.</summary>
public sealed class VariantValueTests
{
    private const string Button = """
        {
          "CheckoutButton": {
            "Variants": {
              "blue": { "Weight": 50, "Value": { "Color": "#1565c0", "Size": 2 } },
              "green": { "Weight": 50, "Value": { "Color": "#2e7d32", "Size": 3 } }
            }
          },
          "Banner": { "Variants": { "short": { "Weight": 1, "Value": "Sale!" }, "long": { "Weight": 1, "Value": { "Title": "Sale", "Lines": ["a", "b"] } } } }
        }
        """;

    [Fact]
    public void GetVariantValue_DeclaredType_BoundToTheServedVariant()
    {
        var factory = Factory(Button);

        foreach (var user in Enumerable.Range(0, 50).Select(i => new EvaluationContext("user-" + i)))
        {
            var snapshot = factory.CreateSnapshot(user);
            var style = snapshot.GetVariantValue<ButtonStyle>(PayloadCatalog.Keys.CheckoutButton).ShouldNotBeNull();
            style.Color.ShouldBe(snapshot.GetVariant(PayloadCatalog.CheckoutButton) == "green" ? "#2e7d32" : "#1565c0");
            style.Size.ShouldBe(snapshot.GetVariant(PayloadCatalog.CheckoutButton) == "green" ? 3 : 2);
            snapshot.GetVariantValue<ButtonStyle>(PayloadCatalog.CheckoutButton).ShouldBeSameAs(style);
        }
    }

    [Fact]
    public void GetVariantValue_TwoSnapshotsOfOneTable_SameObject()
    {
        var factory = Factory(Button);
        var user = new EvaluationContext("alice");

        var first = factory.CreateSnapshot(user).GetVariantValue<ButtonStyle>(PayloadCatalog.CheckoutButton);
        var second = factory.CreateSnapshot(user).GetVariantValue<ButtonStyle>(new FlagKey("checkoutbutton"));

        second.ShouldBeSameAs(first);
    }

    [Fact]
    public void GetVariantValue_NoDeclaredType_ConfigurationSection()
    {
        var factory = Factory(Button);
        var values = Enumerable.Range(0, 40)
            .Select(i => factory.CreateSnapshot(new EvaluationContext("user-" + i)))
            .Select(s => (Variant: s.GetVariant("Banner"), Value: s.GetVariantValue<IConfigurationSection>("Banner").ShouldNotBeNull()))
            .ToList();

        values.Where(v => v.Variant == "short").ShouldAllBe(v => v.Value.Value == "Sale!");
        values.Where(v => v.Variant == "long").ShouldAllBe(v => v.Value["Title"] == "Sale" && v.Value.GetSection("Lines").GetChildren().Count() == 2);
        values.Select(v => v.Variant).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void GetVariantValue_WrongType_ThrowsNamingTheFix()
    {
        var snapshot = Factory(Button).CreateSnapshot(new EvaluationContext("alice"));

        Should.Throw<InvalidOperationException>(() => snapshot.GetVariantValue<ButtonStyle>("Banner"))
            .Message.ShouldBe("The flag 'Banner' binds its variant values to IConfigurationSection, not ButtonStyle: declare [Flag(..., VariantType = typeof(ButtonStyle))] to bind them to ButtonStyle, or read them as IConfigurationSection.");
        Should.Throw<InvalidOperationException>(() => snapshot.GetVariantValue<string>(PayloadCatalog.Keys.CheckoutButton))
            .Message.ShouldBe("The flag 'CheckoutButton' binds its variant values to ButtonStyle, not String: read them as ButtonStyle.");
    }

    [Fact]
    public void GetVariantValue_FlagOffOrUnknownOrWithoutValues_Default()
    {
        var factory = Factory("""{ "CheckoutButton": { "Enabled": false, "Variants": { "blue": { "Weight": 1, "Value": { "Color": "b" } } } }, "Plain": { "Variants": { "a": 1 } } }""");
        var snapshot = factory.CreateSnapshot(new EvaluationContext("alice"));

        snapshot.GetVariantValue<ButtonStyle>(PayloadCatalog.Keys.CheckoutButton).ShouldBeNull();
        snapshot.GetVariantValue<IConfigurationSection>("Plain").ShouldBeNull();
        snapshot.GetVariantValue<IConfigurationSection>("Nothing").ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ "Color": "#fff", "Size": "big" }""", "FeatureFlags:CheckoutButton:Variants:blue:Value: does not bind to ButtonStyle, the flag's variant type: ")]
    [InlineData("""{ "Colour": "#fff" }""", "FeatureFlags:CheckoutButton:Variants:blue:Value: does not bind to ButtonStyle, the flag's variant type: ")]
    public void Build_ValueDoesNotBind_StartUpErrorWithPath(string value, string expected)
    {
        var flags = $$"""{ "CheckoutButton": { "Variants": { "blue": { "Weight": 1, "Value": {{value}} } } } }""";

        var problems = Should.Throw<FlagConfigurationException>(() => Factory(flags)).Problems;

        problems.ShouldHaveSingleItem().ShouldStartWith(expected);
    }

    [Fact]
    public void Build_DisabledFlagsValueDoesNotBind_StillAnError()
    {
        var flags = """{ "CheckoutButton": { "Enabled": false, "Variants": { "blue": { "Weight": 1, "Value": { "Size": "big" } } } } }""";

        Should.Throw<FlagConfigurationException>(() => Factory(flags)).Problems.ShouldHaveSingleItem().ShouldContain("Variants:blue:Value");
    }

    [Fact]
    public void Reload_ValueNoLongerBinds_KeepsTheLastGoodFlags()
    {
        var source = new ReplaceableSource(new Settings { ["FeatureFlags:CheckoutButton:Variants:blue:Weight"] = "1", ["FeatureFlags:CheckoutButton:Variants:blue:Value:Size"] = "2" });
        var logs = new LogCapture();
        using var services = FlagHarness.Services(new ConfigurationBuilder().Add(source).Build(), b => b.AddCatalog(PayloadCatalog.Catalog), logs: logs);
        var factory = services.GetRequiredService<IFlagSnapshotFactory>();

        source.Built!.Replace(new Settings { ["FeatureFlags:CheckoutButton:Variants:blue:Weight"] = "1", ["FeatureFlags:CheckoutButton:Variants:blue:Value:Size"] = "big" });

        factory.CreateSnapshot().GetVariantValue<ButtonStyle>(PayloadCatalog.Keys.CheckoutButton)!.Size.ShouldBe(2);
        logs.WithEventId(1002).ShouldHaveSingleItem().Message.ShouldContain("FeatureFlags:CheckoutButton:Variants:blue:Value: does not bind to ButtonStyle");
    }

    [Fact]
    public void Reload_ValueChanged_ChangeLogShowsIt()
    {
        var source = new ReplaceableSource(new Settings { ["FeatureFlags:CheckoutButton:Variants:blue:Weight"] = "1", ["FeatureFlags:CheckoutButton:Variants:blue:Value:Size"] = "2" });
        var logs = new LogCapture();
        using var services = FlagHarness.Services(new ConfigurationBuilder().Add(source).Build(), b => b.AddCatalog(PayloadCatalog.Catalog), logs: logs);
        services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        source.Built!.Replace(new Settings { ["FeatureFlags:CheckoutButton:Variants:blue:Weight"] = "1", ["FeatureFlags:CheckoutButton:Variants:blue:Value:Size"] = "3" });

        logs.WithEventId(1001).ShouldHaveSingleItem().Message.ShouldContain("CheckoutButton");
    }

    [Fact]
    public void GetVariantValue_Reads_AllocateNothing()
    {
        var snapshot = Factory(Button).CreateSnapshot(new EvaluationContext("alice"));
        var key = PayloadCatalog.Keys.CheckoutButton;
        snapshot.GetVariantValue<ButtonStyle>(key);

        var before = GC.GetAllocatedBytesForCurrentThread();
        snapshot.GetVariantValue<ButtonStyle>(key);
        snapshot.GetVariantValue<ButtonStyle>("CheckoutButton");
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void FromType_VariantTypeWithoutGenerator_ThrowsNamingTheFix()
    {
        Should.Throw<ArgumentException>(() => FlagCatalog.FromType(typeof(ReflectedPayloadCatalog))).Message.ShouldStartWith(
            "FeatureFlags.Tests.Variants.ReflectedPayloadCatalog.CheckoutButton declares VariantType = ButtonStyle, which only the generated catalog binds: make the class partial so the source generator runs");
    }

    private static IFlagSnapshotFactory Factory(string flags) =>
        FlagHarness.Services(ScheduleHost.Json("{ \"FeatureFlags\": " + flags + " }"), b => b.AddCatalog(PayloadCatalog.Catalog)).GetRequiredService<IFlagSnapshotFactory>();
}

/// <summary>
/// An experiment whose variants carry a button style, declared as the generated catalog declares it (this project does not
/// run the generator; its tests drive the same code).
/// </summary>
public static class PayloadCatalog
{
    public const string CheckoutButton = "CheckoutButton";

    public static FlagCatalog Catalog { get; } = new(
        "PayloadCatalog",
        [
            new FlagDefinition(
                CheckoutButton,
                FlagKind.Experiment,
                new DateOnly(2099, 12, 31),
                variantType: FlagVariantType.Create<ButtonStyle>(static value => value.Get<ButtonStyle>(static o => o.ErrorOnUnknownConfiguration = true))),
        ]);

    public static class Keys
    {
        public static readonly FlagKey CheckoutButton = new(PayloadCatalog.CheckoutButton);
    }
}

/// <summary>A catalog read by reflection whose flag declares a variant type: only generated code binds one.</summary>
[FlagCatalog]
public sealed class ReflectedPayloadCatalog
{
    [Flag(FlagKind.Experiment, Expires = "2099-12-31", VariantType = typeof(ButtonStyle))]
    public const string CheckoutButton = "CheckoutButton";
}

/// <summary>A variant value.</summary>
public sealed class ButtonStyle
{
    public string Color { get; set; } = "";

    public int Size { get; set; }
}
