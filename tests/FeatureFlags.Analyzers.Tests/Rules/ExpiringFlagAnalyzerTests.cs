using FeatureFlags.Analyzers.Rules;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.ExpiringFlagAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class ExpiringFlagAnalyzerTests
{
    private static string Catalog(string expires, string name = "F") => Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "{{expires}}")]
            public const string {{name}} = "{{name}}";
        }
        """;

    [Fact]
    public Task Window_ExactlyFourteenDaysLeft_Warns() => Test.VerifyAsync(
        Catalog("2027-01-29"),
        Test.Diagnostic(DiagnosticIds.ExpiringFlag).WithSpan(6, 25, 6, 26).WithArguments("F", "2027-01-29", 14, ""));

    [Fact]
    public Task Window_FifteenDaysLeft_NoWarning() => Test.VerifyAsync(Catalog("2027-01-30"));

    [Fact]
    public Task Window_ExpiresToday_WarnsWithZeroDaysLeft() => Test.VerifyAsync(
        Catalog("2027-01-15"),
        Test.Diagnostic(DiagnosticIds.ExpiringFlag).WithSpan(6, 25, 6, 26).WithArguments("F", "2027-01-15", 0, ""));

    [Fact]
    public Task Window_AlreadyExpired_LeftToFF0001() => Test.VerifyAsync(Catalog("2027-01-14"));

    [Fact]
    public Task Window_NoExpires_NoWarning() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string Kill = "Kill";
        }
        """);

    [Fact]
    public Task WarningDaysProperty_ThirtyDays_WidensWindow()
    {
        var test = new Test(warningDays: "30").WithSources(Catalog("2027-02-14"));
        test.ExpectedDiagnostics.Add(Test.Diagnostic(DiagnosticIds.ExpiringFlag).WithSpan(6, 25, 6, 26).WithArguments("F", "2027-02-14", 30, ""));
        return test.RunAsync();
    }

    [Fact]
    public Task WarningDaysProperty_Zero_OnlyTheLastDayWarns()
    {
        var test = new Test(warningDays: "0").WithSources(Catalog("2027-01-16"));
        return test.RunAsync();
    }

    [Fact]
    public Task WarningDaysProperty_Invalid_FallsBackToFourteen()
    {
        var test = new Test(warningDays: "two weeks").WithSources(Catalog("2027-01-29"));
        test.ExpectedDiagnostics.Add(Test.Diagnostic(DiagnosticIds.ExpiringFlag).WithSpan(6, 25, 6, 26).WithArguments("F", "2027-01-29", 14, ""));
        return test.RunAsync();
    }
}
