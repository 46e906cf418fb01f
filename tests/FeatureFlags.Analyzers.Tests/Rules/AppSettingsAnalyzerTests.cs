using FeatureFlags.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.AppSettingsAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class AppSettingsAnalyzerTests
{
    private const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string NewCheckout = "NewCheckout";

            [Flag(FlagKind.Permission)]
            public const string BetaReports = "BetaReports";

            [Flag(FlagKind.Experiment, Expires = "2027-06-30")]
            public const string CheckoutButton = "CheckoutButton";
        }
        """;

    private static Task Verify(string path, string json, params DiagnosticResult[] expected) =>
        new Test().WithSources(Catalog).WithAdditionalFile(path, json).Expect(expected).RunAsync();

    private static DiagnosticResult At(string path, int line, int column, int endLine, int endColumn, string configPath, string message) =>
        Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan(path, line, column, endLine, endColumn).WithArguments(configPath, message);

    [Fact]
    public Task ValidFile_EveryShape_NothingReported() => Verify("appsettings.json", """
        {
          // comments and trailing commas are read, as the configuration system reads them
          "Logging": { "LogLevel": { "Default": "Information" } },
          "FeatureFlags": {
            "NewCheckout": true,
            "newcheckout_not_a_flag_elsewhere": null,
            "BetaReports": { "Enabled": "true", "Users": ["alice"], "Groups": [], "Rollout": 12.5 },
            "CheckoutButton": { "Enabled": true, "Variants": { "blue": 50, "green": 50 } },
          },
        }
        """.Replace("    \"newcheckout_not_a_flag_elsewhere\": null,\n", "", StringComparison.Ordinal));

    [Fact]
    public Task SectionNameProperty_NestedSection_ChecksThatSectionOnly() =>
        new Test(sectionName: "App:Flags").WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            {
              "FeatureFlags": { "NewCheckout": "ture" },
              "app": {
                "flags": { "NewCheckout": "yes" }
              }
            }
            """).Expect(At("appsettings.json", 4, 31, 4, 36, "app:flags:NewCheckout", "'yes' is not a boolean (use true or false)")).RunAsync();

    [Fact]
    public Task SectionNameProperty_SectionWrittenAsOneColonKey_ChecksIt() =>
        new Test(sectionName: "App:Flags").WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            {
              "App:Flags": { "NewCheckout": "ture" }
            }
            """).Expect(At("appsettings.json", 2, 33, 2, 39, "App:Flags:NewCheckout", "'ture' is not a boolean (use true or false)")).RunAsync();

    [Fact]
    public Task Ture_InProductionFile_WarnsWithFileAndLine() => Verify("appsettings.Production.json", """
        {
          "FeatureFlags": {
            "NewCheckout": "ture"
          }
        }
        """,
        At("appsettings.Production.json", 3, 20, 3, 26, "FeatureFlags:NewCheckout", "'ture' is not a boolean (use true or false)"));

    [Fact]
    public Task Rollout150_WarnsAtTheValue() => Verify("appsettings.json", """
        {
          "FeatureFlags": {
            "BetaReports": {
              "Enabled": true,
              "Rollout": 150
            }
          }
        }
        """,
        At("appsettings.json", 5, 18, 5, 21, "FeatureFlags:BetaReports:Rollout", "150 is outside 0 to 100"));

    [Fact]
    public Task UnknownKey_WarnsAtTheKeyWithSuggestion() => Verify("appsettings.Development.json", """
        {
          "FeatureFlags": {
            "NewChekout": true
          }
        }
        """,
        At("appsettings.Development.json", 3, 5, 3, 17, "FeatureFlags:NewChekout", "no catalog declares the flag 'NewChekout' (did you mean 'NewCheckout'?)"));

    [Fact]
    public Task UnknownProperty_Enabeld_WarnsLikeTheRuntime() => Verify("appsettings.json", """
        { "FeatureFlags": { "BetaReports": { "Enabeld": true } } }
        """,
        At("appsettings.json", 1, 49, 1, 53, "FeatureFlags:BetaReports:Enabeld",
            "unknown property 'Enabeld' (did you mean 'Enabled'?); a flag object takes Enabled, Users, Groups, Rollout, Variants, Rules, Segments, Exclude, Schedule, Requires, FeatureManagementTargeting and FeatureManagementVariants"));

    [Fact]
    public Task WrongShapes_EveryProblemReportedOnItsOwnLine() => Verify("appsettings.json", """
        {
          "FeatureFlags": {
            "BetaReports": {
              "Users": "alice",
              "Variants": { "a": 1 }
            },
            "CheckoutButton": { "Variants": { "blue": -1, "green": "x" } },
            "Bad Name": true
          }
        }
        """,
        At("appsettings.json", 4, 16, 4, 23, "FeatureFlags:BetaReports:Users", "must be a list of strings, such as [\"a\", \"b\"], not a single value"),
        At("appsettings.json", 5, 19, 5, 29, "FeatureFlags:BetaReports:Variants", "variants are for experiment flags, and this flag is declared as Permission"),
        At("appsettings.json", 7, 47, 7, 49, "FeatureFlags:CheckoutButton:Variants:blue", "weight -1 is negative"),
        At("appsettings.json", 7, 60, 7, 63, "FeatureFlags:CheckoutButton:Variants:green", "weight 'x' is not a number"),
        At("appsettings.json", 8, 5, 8, 15, "FeatureFlags:Bad Name", "'Bad Name' is not a valid flag name: use letters, digits, '.', '_' and '-'"));

    [Fact]
    public Task EmptyValues_ReportedAsTheRuntimeSeesThem_EmptyListAccepted() => Verify("appsettings.json", """
        {
          "FeatureFlags": {
            "NewCheckout": null,
            "BetaReports": { "Rollout": null, "Users": [] },
            "CheckoutButton": {}
          }
        }
        """,
        At("appsettings.json", 3, 20, 3, 24, "FeatureFlags:NewCheckout", "is empty: give true, false, or an object with Enabled, Users, Groups, Rollout, Variants, Rules, Segments, Exclude, Schedule, Requires, FeatureManagementTargeting and FeatureManagementVariants"),
        At("appsettings.json", 4, 33, 4, 37, "FeatureFlags:BetaReports:Rollout", "must be a percentage from 0 to 100, not empty"),
        At("appsettings.json", 5, 23, 5, 25, "FeatureFlags:CheckoutButton", "is empty: give true, false, or an object with Enabled, Users, Groups, Rollout, Variants, Rules, Segments, Exclude, Schedule, Requires, FeatureManagementTargeting and FeatureManagementVariants"));

    [Theory]
    [InlineData("\"true\"", "'true'")]
    [InlineData("true", "'True'")]
    [InlineData("5", "'5'")]
    public Task SectionIsAPlainValue_WarnsAtTheSection(string value, string quoted) => Verify("appsettings.json", $$"""
        { "FeatureFlags": {{value}} }
        """,
        At("appsettings.json", 1, 19, 1, 19 + value.Length, "FeatureFlags", $"must be an object of flag names and their configuration, not a single value ({quoted})"));

    [Fact]
    public Task SectionIsAList_WarnsAtTheSection() => Verify("appsettings.json", """
        { "FeatureFlags": [true] }
        """,
        At("appsettings.json", 1, 19, 1, 25, "FeatureFlags", "must be an object of flag names and their configuration, not a list"));

    [Fact]
    public Task SectionEmptyOrNull_NothingReported() => Verify("appsettings.json", """
        { "FeatureFlags": [], "Other": { "FeatureFlags": "x" } }
        """);

    [Fact]
    public Task HugeValue_QuotedShortWithItsLength()
    {
        var huge = new string('x', 100_000);
        return Verify("appsettings.json", "{ \"FeatureFlags\": { \"NewCheckout\": \"" + huge + "\" } }",
            At("appsettings.json", 1, 36, 1, 36 + huge.Length + 2, "FeatureFlags:NewCheckout", "'" + new string('x', 64) + "…' (100,000 characters) is not a boolean (use true or false)"));
    }

    [Fact]
    public Task KeyTwiceInAnotherCase_Warns() => Verify("appsettings.json", """
        { "FeatureFlags": { "NewCheckout": true, "NEWCHECKOUT": false } }
        """,
        At("appsettings.json", 1, 42, 1, 55, "FeatureFlags:NEWCHECKOUT", "is given twice in this file"));

    [Fact]
    public Task InvalidJson_BareWord_WarnsWhereTheReaderStops() => Verify("appsettings.json", """
        {
          "FeatureFlags": { "NewCheckout": ture }
        }
        """,
        At("appsettings.json", 2, 36, 2, 36, "(file)", "is not valid JSON: 'ture' is not a JSON value (strings need double quotes)"));

    [Fact]
    public Task OtherJsonFiles_NotRead() => Verify("flags.json", """
        { "FeatureFlags": { "NewCheckout": "ture" } }
        """);

    [Fact]
    public Task SectionNameInAnotherCase_Read() => Verify("AppSettings.json", """
        { "featureflags": { "NewCheckout": "yes" } }
        """,
        At("AppSettings.json", 1, 36, 1, 41, "featureflags:NewCheckout", "'yes' is not a boolean (use true or false)"));

    [Fact]
    public Task NoCatalogInSight_ShapesCheckedButNamesNot()
    {
        var test = new Test().WithSources("class C { }").WithAdditionalFile("appsettings.json", """
            { "FeatureFlags": { "Anything": true, "Other": { "Rollout": "ten" } } }
            """);
        test.ExpectedDiagnostics.Add(At("appsettings.json", 1, 61, 1, 66, "FeatureFlags:Other:Rollout", "'ten' is not a number (use an invariant-culture number such as 12.5)"));
        return test.RunAsync();
    }
}
