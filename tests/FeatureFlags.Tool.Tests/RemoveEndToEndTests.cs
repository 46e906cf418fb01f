using System.Text.RegularExpressions;

namespace FeatureFlags.Tool.Tests;

/// <summary>
/// For every flag of the web shop, kept on and kept off: <c>featureflags remove</c>, then the shop and its tests build with
/// warnings as errors (FF0005 fails the build on any flag name left where a flag name is expected), the tests that still
/// apply pass, and nothing names the flag any more in code, Razor views or settings.
/// </summary>
[Collection(ShopCollection.Name)]
public sealed class RemoveEndToEndTests(ShopCopy shop)
{
    /// <summary>
    /// The shop's tests that assert the removed flag's own gating, and so cannot hold once it is gone: each asserts the
    /// state the flag no longer has (the gate closed once it is kept on, open once it is kept off, the other variant).
    /// </summary>
    /// <remarks>
    /// Each case builds and tests the shop again (30–40 s on two cores), so the test command runs four cases that cover
    /// every kind of rewrite: a gated endpoint and the test matrix (NewCheckout off), a gated group, page and Razor
    /// attribute (BetaReports off), a variant kept with its value and test snapshots that set it (BuyButton on, blue), a
    /// Razor element (HolidayBanner on). <c>FEATUREFLAGS_TOOL_E2E=all</c> runs all twelve, every flag kept on and off.
    /// </remarks>
    public static TheoryData<string, string, string?, string[]> Cases =>
        Environment.GetEnvironmentVariable("FEATUREFLAGS_TOOL_E2E") == "all"
            ? AllCases
            : Select(AllCases, ("NewCheckout", "off"), ("BetaReports", "off"), ("BuyButton", "on"), ("HolidayBanner", "on"));

    private static TheoryData<string, string, string?, string[]> AllCases => new()
    {
        { "NewCheckout", "on", null, ["Shop_AllOff_HidesGatesAndUiElements"] },
        { "NewCheckout", "off", null, ["NewCheckout_PerEnvironment_FollowsSettings", "Shop_AllOn_ShowsEverything"] },
        { "FreeShipping", "on", null, ["FreeShipping_Production_", "FromEnvironment_Production_FreeShippingOffRecommendationsOn"] },
        { "FreeShipping", "off", null, ["FreeShipping_Production_", "Shop_AllOn_ShowsEverything"] },
        { "Recommendations", "on", null, ["Shop_AllOff_HidesGatesAndUiElements", "Home_TelemetryOn_RequestSpanCarriesTheEvaluation"] },
        { "Recommendations", "off", null, ["Shop_AllOn_ShowsEverything", "FromEnvironment_Production_FreeShippingOffRecommendationsOn", "Home_TelemetryOn_RequestSpanCarriesTheEvaluation"] },
        { "BetaReports", "on", null, ["BetaReports_Production_FollowsUserGroup", "Shop_AllOff_HidesGatesAndUiElements"] },
        { "BetaReports", "off", null, ["BetaReports_Production_FollowsUserGroup", "Shop_AllOn_ShowsEverything"] },
        { "BuyButton", "on", "blue", ["Experiment_", "Shop_ExperimentVariant", "Shop_AllOff_HidesGatesAndUiElements"] },
        { "BuyButton", "off", null, ["Experiment_", "Shop_ExperimentVariant"] },
        { "HolidayBanner", "on", null, ["HolidayBanner_Scheduled_ShownOnlyInsideItsWindow"] },
        { "HolidayBanner", "off", null, ["HolidayBanner_Scheduled_ShownOnlyInsideItsWindow"] },
    };

    private static TheoryData<string, string, string?, string[]> Select(TheoryData<string, string, string?, string[]> all, params (string Flag, string Keep)[] chosen)
    {
        var selected = new TheoryData<string, string, string?, string[]>();
        foreach (var row in all)
        {
            var (flag, keep, variant, tests) = ((string)row[0], (string)row[1], (string?)row[2], (string[])row[3]);
            if (chosen.Contains((flag, keep)))
            {
                selected.Add(flag, keep, variant, tests);
            }
        }

        return selected;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Remove_ShopFlag_BuildsTestsPassNothingLeft(string flag, string keep, string? variant, string[] testsOfTheFlag)
    {
        shop.Reset();

        var removal = ShopCopy.Tool($"remove {flag} \"{shop.TestsProject}\" --keep {keep}" + (variant is null ? "" : " --variant " + variant));

        removal.ExitCode.ShouldBe(0, removal.Output);
        removal.Output.ShouldContain($"Removed '{flag}', kept {keep}");
        var filter = string.Join("&", testsOfTheFlag.Select(t => "FullyQualifiedName!~" + t));
        var test = ShopCopy.Run("dotnet", $"test \"{shop.TestsProject}\" --no-restore -p:TreatWarningsAsErrors=true --filter \"{filter}\"");
        test.ExitCode.ShouldBe(0, test.Output);
        test.Output.ShouldContain("Passed!");
        Leftovers(flag).ShouldBeEmpty();
    }

    /// <summary>Every place that still names the flag as a flag: its constant or generated members, a Razor gate, a settings key.</summary>
    private List<string> Leftovers(string flag)
    {
        var code = new Regex($@"\bFlags\.(Keys\.)?{flag}\b|\.{flag}(Variant|Value)\b|\bFlags\.For\([^)]*\)\.{flag}\b");
        var settings = new Regex($"\"{flag}\"\\s*:");
        return shop.SourceFiles()
            .SelectMany(file => File.ReadAllLines(file).Select((line, index) => (file, line, index)))
            .Where(l => Path.GetExtension(l.file) switch
            {
                ".cs" or ".cshtml" => code.IsMatch(l.line),
                ".json" => settings.IsMatch(l.line),
                _ => false,
            })
            .Select(l => $"{Path.GetFileName(l.file)}({l.index + 1}): {l.line.Trim()}")
            .ToList();
    }
}
