using FeatureFlags.Analyzers.Rules;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.BuildPropertyAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class BuildPropertyAnalyzerTests
{
    private const string DateExpected = "use a yyyy-MM-dd date such as 2027-01-31; the build's UTC date is used instead";
    private const string DaysExpected = "use a whole number of days from 0 to 3650; the default of 14 is used instead";
    private const string SectionExpected = "use a configuration path such as Flags or App:Flags, with no empty segment; FeatureFlags is checked instead";

    [Theory]
    [InlineData("FeatureFlagsToday", "15/01/2027", DateExpected)]
    [InlineData("FeatureFlagsExpiryWarningDays", "-1", DaysExpected)]
    [InlineData("FeatureFlagsExpiryWarningDays", "fourteen", DaysExpected)]
    [InlineData("FeatureFlagsExpiryWarningDays", "99999", DaysExpected)]
    [InlineData("FeatureFlagsSectionName", "App::Flags", SectionExpected)]
    [InlineData("FeatureFlagsSectionName", ":Flags", SectionExpected)]
    [InlineData("FeatureFlagsSectionName", "App: Flags", SectionExpected)]
    public Task Property_InvalidValue_ReportedWithWhatIsExpected(string property, string value, string expected)
    {
        var test = property switch
        {
            "FeatureFlagsToday" => new Test(today: value),
            "FeatureFlagsExpiryWarningDays" => new Test(warningDays: value),
            _ => new Test(sectionName: value),
        };
        test.WithSources("class C { }").Expect(Test.Diagnostic(DiagnosticIds.InvalidBuildProperty).WithArguments(property, value, expected));
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
