using System.Text.Json;

namespace FeatureFlags.Tool.Tests;

/// <summary><c>list</c>, <c>check</c> and <c>set</c> on the web shop, as a CI job or a person at a shell runs them.</summary>
[Collection(ShopCollection.Name)]
public sealed class CommandTests(ShopCopy shop)
{
    [Fact]
    public void List_Json_EveryFlagWithValuesUsesAndStatus()
    {
        shop.Reset();

        var list = ShopCopy.Tool($"list \"{shop.TestsProject}\" --format json --today 2026-12-06");

        list.ExitCode.ShouldBe(0, list.Output);
        // Standard output holds the JSON; the progress lines of standard error follow it.
        using var json = JsonDocument.Parse(list.Output[list.Output.IndexOf('{', StringComparison.Ordinal)..(list.Output.LastIndexOf('}') + 1)]);
        var flags = json.RootElement.GetProperty("flags").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        flags.Keys.ShouldBe(["BetaReports", "BuyButton", "FreeShipping", "HolidayBanner", "NewCheckout", "Recommendations"]);
        var newCheckout = flags["NewCheckout"];
        newCheckout.GetProperty("kind").GetString().ShouldBe("Release");
        newCheckout.GetProperty("owner").GetString().ShouldBe("team-checkout");
        newCheckout.GetProperty("daysLeft").GetInt32().ShouldBe(298);
        newCheckout.GetProperty("environments").GetProperty("Production").GetString().ShouldBe("on for users [alice], rollout 10%");
        newCheckout.GetProperty("uses").GetInt32().ShouldBeGreaterThan(3);
        flags["Recommendations"].GetProperty("status").EnumerateArray().Select(s => s.GetString()).ShouldContain("static (on everywhere): a removal candidate");
        json.RootElement.GetProperty("undeclared").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void List_Markdown_OneRowPerFlag()
    {
        shop.Reset();

        var list = ShopCopy.Tool($"list \"{shop.TestsProject}\" --format markdown --today 2026-12-06");

        list.ExitCode.ShouldBe(0, list.Output);
        list.Output.ShouldContain("| flag | kind | owner | expires | Development | Production | uses | status |");
        list.Output.ShouldContain("| NewCheckout | Release | team-checkout | 2027-09-30 (298 d left) | on | on for users [alice], rollout 10% |");
    }

    [Fact]
    public void Check_ExpiredFlag_ExitCodeOneWithTheAnalyzersWords()
    {
        shop.Reset();

        var today = ShopCopy.Tool($"check \"{shop.TestsProject}\" --today 2026-12-06");
        var later = ShopCopy.Tool($"check \"{shop.TestsProject}\" --today 2027-10-01");

        today.ExitCode.ShouldBe(0, today.Output);
        today.Output.ShouldContain("6 flag(s) checked: none expired, none undeclared.");
        later.ExitCode.ShouldBe(1, later.Output);
        later.Output.ShouldContain("error FF0001: The flag 'NewCheckout' (owner: team-checkout; removal: https://example.com/webshop/issues/12) expired on 2027-09-30 (today is 2027-10-01)");
    }

    [Fact]
    public void Check_UndeclaredFlagInSettings_ExitCodeOne()
    {
        shop.Reset();
        var settings = Path.Combine(shop.Shop, "appsettings.json");
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"NewCheckout\": false,", "\"NewCheckout\": false,\n    \"NewChekout\": true,", StringComparison.Ordinal));

        var check = ShopCopy.Tool($"check \"{shop.TestsProject}\" --today 2026-12-06");

        check.ExitCode.ShouldBe(1, check.Output);
        check.Output.ShouldContain("FeatureFlags:NewChekout: no catalog declares the flag 'NewChekout'");
    }

    [Fact]
    public void Set_InvalidValue_RefusedWithTheStartUpMessage()
    {
        shop.Reset();
        var before = File.ReadAllText(Path.Combine(shop.Shop, "appsettings.Production.json"));

        var set = ShopCopy.Tool($"set FreeShipping ture --environment Production --project \"{shop.Shop}\"");
        var rollout = ShopCopy.Tool($"set FreeShipping \"{{\\\"Rollout\\\": 150}}\" --environment Production --project \"{shop.Shop}\"");

        set.ExitCode.ShouldBe(1, set.Output);
        set.Output.ShouldContain("FeatureFlags:FreeShipping: 'ture' is not a boolean (use true or false)");
        rollout.ExitCode.ShouldBe(1, rollout.Output);
        rollout.Output.ShouldContain("FeatureFlags:FreeShipping:Rollout: 150 is outside 0 to 100");
        File.ReadAllText(Path.Combine(shop.Shop, "appsettings.Production.json")).ShouldBe(before);
    }

    [Fact]
    public void Set_ValidValue_WrittenInPlaceRestOfFileKept()
    {
        shop.Reset();
        var file = Path.Combine(shop.Shop, "appsettings.Production.json");
        var before = File.ReadAllText(file);

        var set = ShopCopy.Tool($"set FreeShipping \"{{\\\"Rollout\\\": 25}}\" --environment Production --project \"{shop.Shop}\"");
        var added = ShopCopy.Tool($"set Recommendations false --environment Production --project \"{shop.Shop}\"");

        set.ExitCode.ShouldBe(0, set.Output);
        added.ExitCode.ShouldBe(0, added.Output);
        var after = File.ReadAllText(file);
        after.ShouldContain("\"FreeShipping\": {\"Rollout\": 25}");
        after.ShouldContain("\"Recommendations\": false");
        after.ShouldContain("\"Default\": \"Warning\"");
        after.Length.ShouldBeGreaterThan(before.Length - 200);
        using var _ = JsonDocument.Parse(after);
    }
}
