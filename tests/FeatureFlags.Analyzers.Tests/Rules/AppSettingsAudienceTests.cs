using Microsoft.CodeAnalysis.Testing;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.AppSettingsAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>FF0006 reports bad rules, segments and exclusions with the runtime's own words, at the value in the file.</summary>
public sealed class AppSettingsAudienceTests
{
    private const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string NewCheckout = "NewCheckout";
        }
        """;

    [Fact]
    public Task ValidRulesSegmentsAndExclusion_NothingReported() =>
        new Test().WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            {
              "FeatureFlagSegments": {
                "ProBenelux": { "Rules": [ { "When": { "plan": { "In": ["pro"] }, "country": { "In": ["NL", "BE"] } } } ] },
                "Staff": { "Groups": ["staff"], "Segments": ["ProBenelux"] }
              },
              "FeatureFlags": {
                "NewCheckout": {
                  "Enabled": true,
                  "Segments": ["Staff"],
                  "Exclude": { "Groups": ["legal-hold"] },
                  "Rules": [ { "When": { "appVersion": { "VersionGreaterThanOrEqual": "2.3" }, "id": { "Matches": "^[a-z]+$" } }, "Rollout": 10 } ]
                }
              }
            }
            """).RunAsync();

    [Fact]
    public Task BadOperatorVersionAndRegex_EachReportedAtItsValue() =>
        new Test().WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            {
              "FeatureFlags": {
                "NewCheckout": {
                  "Rules": [ { "When": { "plan": { "Inn": ["pro"] }, "v": { "VersionLessThan": "2.x" }, "id": { "Matches": "(?=a)b" } } } ]
                }
              }
            }
            """).Expect(
                At(4, 47, 4, 54, "FeatureFlags:NewCheckout:Rules:0:When:plan:Inn", "unknown operator 'Inn' (did you mean 'In'?); use " + Operators),
                At(4, 84, 4, 89, "FeatureFlags:NewCheckout:Rules:0:When:v:VersionLessThan", "'2.x' is not a semantic version (use major.minor.patch, such as 2.3.0 or 2.3.0-beta.1)"),
                At(4, 112, 4, 120, "FeatureFlags:NewCheckout:Rules:0:When:id:Matches", "uses a lookaround, back-reference, atomic group or conditional, which the non-backtracking engine does not run")).RunAsync();

    [Fact]
    public Task UnknownSegment_ReportedUnlessAnotherFileDefinesIt() =>
        new Test().WithSources(Catalog)
            .WithAdditionalFile("appsettings.json", """
                { "FeatureFlagSegments": { "Staff": { "Groups": ["staff"] } } }
                """)
            .WithAdditionalFile("appsettings.Production.json", """
                { "FeatureFlags": { "NewCheckout": { "Segments": ["Staff", "Stuff2"] } } }
                """)
            .Expect(Test.Diagnostic(DiagnosticIds.InvalidAppSettings)
                .WithSpan("appsettings.Production.json", 1, 50, 1, 69)
                .WithArguments("FeatureFlags:NewCheckout:Segments", "names the segment 'Stuff2', which is not defined (did you mean 'Staff'?)"))
            .RunAsync();

    [Fact]
    public Task SegmentCycle_ReportedAtTheSegment() =>
        new Test().WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            { "FeatureFlagSegments": { "A": { "Segments": ["B"] }, "B": { "Segments": ["A"] } } }
            """).Expect(
                At(1, 33, 1, 54, "FeatureFlagSegments:A", "is part of a cycle of segments: A → B → A; a segment may not include itself")).RunAsync();

    private static string Operators => string.Join(", ", Enum.GetNames(typeof(FeatureFlags.Validation.ConditionOperator)));

    private static DiagnosticResult At(int line, int column, int endLine, int endColumn, string configPath, string message) =>
        Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.json", line, column, endLine, endColumn).WithArguments(configPath, message);
}
