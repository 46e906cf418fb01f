using Microsoft.CodeAnalysis.Testing;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.AppSettingsAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>FF0006 reports bad schedules, prerequisites and variant values with the runtime's own words, at the value in the file.</summary>
public sealed class AppSettingsScheduleTests
{
    private const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string NewCheckout = "NewCheckout";

            [Flag(FlagKind.Ops)]
            public const string Payments = "Payments";

            [Flag(FlagKind.Experiment, Expires = "2027-06-30")]
            public const string CheckoutButton = "CheckoutButton";
        }
        """;

    [Fact]
    public Task ValidScheduleRequiresAndValues_NothingReported() =>
        new Test().WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            {
              "FeatureFlags": {
                "NewCheckout": {
                  "Requires": { "Payments": true, "CheckoutButton": "green" },
                  "Schedule": { "From": "2026-12-01T09:00:00+01:00", "Until": "2026-12-01T17:00:00+01:00", "Recurrence": { "Pattern": "Weekly", "Days": ["Tuesday"], "TimeZone": "Europe/Amsterdam", "Occurrences": 4 } }
                },
                "CheckoutButton": { "Variants": { "blue": 1, "green": { "Weight": 1, "Value": { "Color": "#2e7d32" } } } }
              }
            }
            """).RunAsync();

    [Fact]
    public Task BadScheduleAndRecurrence_ReportedWithPaths() =>
        new Test().WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            { "FeatureFlags": { "NewCheckout": { "Schedule": { "From": "2026-12-02T00:00:00Z", "Until": "2026-12-01T00:00:00Z" } },
              "Payments": { "Schedule": { "From": "2026-12-01T09:00:00Z", "Until": "2026-12-01T10:00:00Z", "Recurrence": { "Pattern": "Weekly" } } } } }
            """).Expect(
                At(1, 50, 1, 117, "FeatureFlags:NewCheckout:Schedule:Until", "(2026-12-01T00:00:00Z) must be after From (2026-12-02T00:00:00Z)"),
                At(2, 110, 2, 133, "FeatureFlags:Payments:Schedule:Recurrence", "a Weekly pattern needs Days, such as [\"Monday\", \"Friday\"]")).RunAsync();

    [Fact]
    public Task UnknownPrerequisiteAndCycle_Reported() =>
        new Test().WithSources(Catalog).WithAdditionalFile("appsettings.json", """
            { "FeatureFlags": { "NewCheckout": { "Requires": ["Paymnets"] }, "A": { "Requires": ["B"] }, "B": { "Requires": ["A"] } } }
            """).Expect(
                At(1, 51, 1, 61, "FeatureFlags:NewCheckout:Requires:0", "requires the flag 'Paymnets', which is neither configured nor declared (did you mean 'Payments'?)"),
                At(1, 85, 1, 90, "FeatureFlags:A:Requires", "is part of a cycle of prerequisites: A → B → A; a flag may not require itself"),
                Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.json", 1, 66, 1, 69).WithArguments("FeatureFlags:A", "no catalog declares the flag 'A'"),
                Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.json", 1, 94, 1, 97).WithArguments("FeatureFlags:B", "no catalog declares the flag 'B'")).RunAsync();

    [Fact]
    public Task PrerequisiteConfiguredInAnotherFile_NotReported() =>
        new Test().WithSources(Catalog)
            .WithAdditionalFile("appsettings.json", """{ "FeatureFlags": { "Extra": true } }""")
            .WithAdditionalFile("appsettings.Production.json", """{ "FeatureFlags": { "NewCheckout": { "Requires": ["Extra"] } } }""")
            .Expect(Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.json", 1, 21, 1, 28).WithArguments("FeatureFlags:Extra", "no catalog declares the flag 'Extra'"))
            .RunAsync();

    private static DiagnosticResult At(int line, int column, int endLine, int endColumn, string configPath, string message) =>
        Test.Diagnostic(DiagnosticIds.InvalidAppSettings).WithSpan("appsettings.json", line, column, endLine, endColumn).WithArguments(configPath, message);
}
