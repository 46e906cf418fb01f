using Microsoft.CodeAnalysis.Testing;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.FeatureManagementSettingsAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>
/// FF0006 on Microsoft.FeatureManagement's sections, once the code reads them as flags: the build reports what start-up
/// would refuse, with the runtime's words, at the value in the file. Code that does not read them leaves them to
/// Microsoft.FeatureManagement, custom filters and all.
/// </summary>
public sealed class AppSettingsFeatureManagementTests
{
    private const string ReadsThem = Test.Usings + """
        public static class Startup
        {
            public static FeatureFlagsBuilder Configure(FeatureFlagsBuilder flags) => flags.AddMicrosoftFeatureManagementFlags();
        }
        """;

    private const string SetsTheOption = Test.Usings + """
        public static class Startup
        {
            public static FeatureFlagsOptions Options() => new() { ReadMicrosoftFeatureManagementFlags = true };
        }
        """;

    private const string Settings = """
        {
          "FeatureManagement": {
            "Beta": { "EnabledFor": [ { "Name": "Contoso.Browser" } ] },
            "Fine": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 50 } } } ] }
          },
          "feature_management": { "feature_flags": [ { "id": "Listed", "enabled": "yes" } ] }
        }
        """;

    [Fact]
    public Task FeatureManagementSections_CodeReadsThem_ReportedWithPaths() =>
        new Test().WithSources(ReadsThem).WithAdditionalFile("appsettings.json", Settings).Expect(
            At(3, 31, 3, 60, "FeatureManagement:Beta:EnabledFor:0:Name", "'Contoso.Browser' is not a filter this library can evaluate (use AlwaysOn, Microsoft.Percentage, Microsoft.TimeWindow or Microsoft.Targeting; a custom filter has no equivalent here, so the flag would answer differently)"),
            At(6, 75, 6, 80, "feature_management:feature_flags:0:enabled", "'yes' is not a boolean (use true or false)")).RunAsync();

    [Fact]
    public Task FeatureManagementSections_OptionSetInCode_Reported() =>
        new Test().WithSources(SetsTheOption).WithAdditionalFile("appsettings.json", Settings).Expect(
            At(3, 31, 3, 60, "FeatureManagement:Beta:EnabledFor:0:Name", "'Contoso.Browser' is not a filter this library can evaluate (use AlwaysOn, Microsoft.Percentage, Microsoft.TimeWindow or Microsoft.Targeting; a custom filter has no equivalent here, so the flag would answer differently)"),
            At(6, 75, 6, 80, "feature_management:feature_flags:0:enabled", "'yes' is not a boolean (use true or false)")).RunAsync();

    [Fact]
    public Task FeatureManagementSections_CodeDoesNotReadThem_NothingReported() =>
        new Test().WithSources(Test.Usings + "public static class Startup { }").WithAdditionalFile("appsettings.json", Settings).RunAsync();

    [Fact]
    public Task EnvironmentFile_ChangesOneKeyOfABaseFlag_CheckedMergedAndNotReported() =>
        // The production file changes a rollout and switches an item off; merged over appsettings.json, as configuration
        // layers it and Microsoft.FeatureManagement reads it, both flags are whole.
        new Test().WithSources(ReadsThem)
            .WithAdditionalFile("appsettings.json", """
                {
                  "FeatureManagement": { "Fine": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "DefaultRolloutPercentage": 50 } } } ] } },
                  "feature_management": { "feature_flags": [ { "id": "Listed", "enabled": true } ] }
                }
                """)
            .WithAdditionalFile("appsettings.Production.json", """
                {
                  "FeatureManagement": { "Fine": { "EnabledFor": [ { "Parameters": { "Audience": { "DefaultRolloutPercentage": 10 } } } ] } },
                  "feature_management": { "feature_flags": [ { "enabled": false } ] }
                }
                """)
            .RunAsync();

    [Fact]
    public Task EnvironmentFile_FragmentOfNoBaseFlag_ReportedInItsFile() =>
        new Test().WithSources(ReadsThem)
            .WithAdditionalFile("appsettings.json", """{ "FeatureManagement": { } }""")
            .WithAdditionalFile("appsettings.Production.json", """
                {
                  "FeatureManagement": { "Fine": { "EnabledFor": [ { "Parameters": { "Audience": { "DefaultRolloutPercentage": 10 } } } ] } }
                }
                """)
            .Expect(Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.Production.json", 2, 52, 2, 120).WithArguments(
                "FeatureManagement:Fine:EnabledFor:0:Name",
                "is missing (use AlwaysOn, Microsoft.Percentage, Microsoft.TimeWindow or Microsoft.Targeting; a custom filter has no equivalent here, so the flag would answer differently)"))
            .RunAsync();

    private static DiagnosticResult At(int line, int column, int endLine, int endColumn, string configPath, string message) =>
        Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.json", line, column, endLine, endColumn).WithArguments(configPath, message);
}
