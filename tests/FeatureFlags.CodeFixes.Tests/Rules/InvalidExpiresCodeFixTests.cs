using FeatureFlags.CodeFixes.Rules;
using Test = FeatureFlags.CodeFixes.Tests.Infrastructure.CodeFixTest<FeatureFlags.Analyzers.Rules.InvalidExpiresAnalyzer, FeatureFlags.CodeFixes.Rules.InvalidExpiresCodeFix>;

namespace FeatureFlags.CodeFixes.Tests.Rules;

public sealed class InvalidExpiresCodeFixTests
{
    [Fact]
    public Task YearFirstVariants_FixAll_RewrittenAsIso() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = {|FF0004:"2027/3/1"|})]
            public const string A = "A";

            [Flag(FlagKind.Release, Expires = {|FF0004:"20270630"|}, Owner = "team")]
            public const string B = "B";

            [Flag(FlagKind.Release, Expires = {|FF0004:" 2027-12-31T00:00:00 "|})]
            public const string C = "C";
        }
        """,
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-03-01")]
            public const string A = "A";

            [Flag(FlagKind.Release, Expires = "2027-06-30", Owner = "team")]
            public const string B = "B";

            [Flag(FlagKind.Release, Expires = "2027-12-31")]
            public const string C = "C";
        }
        """);

    [Fact]
    public Task AmbiguousOrImpossibleDates_NoFix()
    {
        const string Source = Test.Usings + """
            [FlagCatalog]
            public sealed partial class Flags
            {
                [Flag(FlagKind.Release, Expires = {|FF0004:"03/01/2027"|})]
                public const string A = "A";

                [Flag(FlagKind.Release, Expires = {|FF0004:"2027-02-30"|})]
                public const string B = "B";

                [Flag(FlagKind.Release, Expires = {|FF0004:"next year"|})]
                public const string C = "C";
            }
            """;
        return Test.VerifyAsync(Source, Source);
    }

    [Theory]
    [InlineData("2027-3-1", "2027-03-01")]
    [InlineData("2027.03.01", "2027-03-01")]
    [InlineData("2027-03-01 12:30", "2027-03-01")]
    [InlineData("2027-03-01T23:59:59Z", "2027-03-01")]
    [InlineData("01.03.2027", null)]
    [InlineData("27-03-01", null)]
    [InlineData("2027-13-01", null)]
    public void TryReadYearFirst_Text_DateOrNull(string text, string? expected)
    {
        var date = InvalidExpiresCodeFix.TryReadYearFirst(text);

        date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        date.HasValue.ShouldBe(expected != null);
    }
}
