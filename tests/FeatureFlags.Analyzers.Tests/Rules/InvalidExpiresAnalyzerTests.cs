using FeatureFlags.Analyzers.Rules;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.InvalidExpiresAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class InvalidExpiresAnalyzerTests
{
    [Theory]
    [InlineData("31/03/2027")]
    [InlineData("2027-3-31")]
    [InlineData("2027-02-30")]
    [InlineData("2027-13-01")]
    [InlineData(" 2027-03-31")]
    [InlineData("2027-03-31T00:00")]
    [InlineData("")]
    [InlineData("２０２７-03-31")]
    public Task Expires_NotIsoDate_ReportsAtTheValue(string expires) => Test.VerifyAsync(
        Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Owner = "x", Expires = {|#0:"{{expires}}"|})]
            public const string F = "F";
        }
        """,
        Test.Diagnostic(DiagnosticIds.InvalidExpires).WithLocation(0).WithArguments("F", expires));

    [Fact]
    public Task Expires_ConstantExpression_Accepted() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            private const string Year = "2027";

            [Flag(FlagKind.Release, Expires = Year + "-03-31")]
            public const string F = "F";
        }
        """);

    [Fact]
    public Task Expires_LeapDay_Accepted() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2028-02-29")]
            public const string F = "F";
        }
        """);
}
