using FeatureFlags.Analyzers.Rules;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.BuildPropertyAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class BuildPropertyAnalyzerTests
{
    [Fact]
    public Task Today_NotADate_Reported()
    {
        var test = new Test(today: "15/01/2027").WithSources("class C { }");
        test.ExpectedDiagnostics.Add(Test.Diagnostic(DiagnosticIds.InvalidBuildProperty)
            .WithArguments("FeatureFlagsToday", "15/01/2027", "use a yyyy-MM-dd date such as 2027-01-31; the build's UTC date is used instead"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("fourteen")]
    [InlineData("99999")]
    public Task WarningDays_NotADayCount_Reported(string days)
    {
        var test = new Test(warningDays: days).WithSources("class C { }");
        test.ExpectedDiagnostics.Add(Test.Diagnostic(DiagnosticIds.InvalidBuildProperty)
            .WithArguments("FeatureFlagsExpiryWarningDays", days, "use a whole number of days from 0 to 3650; the default of 14 is used instead"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("App::Flags")]
    [InlineData(":Flags")]
    [InlineData("App: Flags")]
    public Task SectionName_EmptyOrPaddedSegment_Reported(string section)
    {
        var test = new Test(sectionName: section).WithSources("class C { }");
        test.ExpectedDiagnostics.Add(Test.Diagnostic(DiagnosticIds.InvalidBuildProperty)
            .WithArguments("FeatureFlagsSectionName", section, "use a configuration path such as Flags or App:Flags, with no empty segment; FeatureFlags is checked instead"));
        return test.RunAsync();
    }

    [Fact]
    public Task ValidOrEmptyProperties_NothingReported()
    {
        var test = new Test(today: "2027-01-15", warningDays: "7", sectionName: "App:Flags").WithSources("class C { }");
        return test.RunAsync();
    }

    [Fact]
    public Task EmptyProperties_NothingReported()
    {
        var test = new Test(today: "", warningDays: "").WithSources("class C { }");
        return test.RunAsync();
    }
}
