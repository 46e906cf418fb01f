using FeatureFlags.CodeFixes.Rules;
using Test = FeatureFlags.CodeFixes.Tests.Infrastructure.CodeFixTest<FeatureFlags.Analyzers.Rules.MissingExpiresAnalyzer, FeatureFlags.CodeFixes.Rules.MissingExpiresCodeFix>;

namespace FeatureFlags.CodeFixes.Tests.Rules;

public sealed class MissingExpiresCodeFixTests
{
    // Test.Today (2027-01-15) + 90 days.
    private const string Expected = "2027-04-15";

    [Fact]
    public Task KindOnly_AddsExpiresAfterTheKind() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Experiment)]
            public const string {|FF0003:Button|} = "Button";
        }
        """,
        Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Experiment, Expires = "{{Expected}}")]
            public const string Button = "Button";
        }
        """);

    [Fact]
    public Task OtherNamedArguments_ExpiresGoesFirstOfThem() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Owner = "team", RemovalIssue = "#12")]
            public const string {|FF0003:NewCheckout|} = "NewCheckout";
        }
        """,
        Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "{{Expected}}", Owner = "team", RemovalIssue = "#12")]
            public const string NewCheckout = "NewCheckout";
        }
        """);

    [Fact]
    public Task OneArgumentPerLine_NewArgumentOnItsOwnLine() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(
                FlagKind.Release,
                Owner = "team")]
            public const string {|FF0003:A|} = "A";

            [Flag(
                FlagKind.Release)]
            public const string {|FF0003:B|} = "B";
        }
        """,
        Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(
                FlagKind.Release,
                Expires = "{{Expected}}",
                Owner = "team")]
            public const string A = "A";

            [Flag(
                FlagKind.Release, Expires = "{{Expected}}")]
            public const string B = "B";
        }
        """);

    [Fact]
    public Task ExplicitNull_ReplacedByDate() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Owner = "team", Expires = null)]
            public const string {|FF0003:F|} = "F";
        }
        """,
        Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Owner = "team", Expires = "{{Expected}}")]
            public const string F = "F";
        }
        """);

    [Fact]
    public Task SeveralFlags_FixAll_DatesEach() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release)]
            public const string {|FF0003:A|} = "A";

            [Flag(FlagKind.Ops)]
            public const string Kill = "Kill";

            [FlagAttribute(FeatureFlags.FlagKind.Experiment, Owner = "x")]
            public const string {|FF0003:B|} = "B";
        }
        """,
        Test.Usings + $$"""
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "{{Expected}}")]
            public const string A = "A";

            [Flag(FlagKind.Ops)]
            public const string Kill = "Kill";

            [FlagAttribute(FeatureFlags.FlagKind.Experiment, Expires = "{{Expected}}", Owner = "x")]
            public const string B = "B";
        }
        """);

    [Fact]
    public async Task NoPinnedToday_UsesUtcDate()
    {
        // The clock is what the fix reads without FeatureFlagsToday. A run that crosses midnight UTC
        // sees two dates, so it is judged against the date after the run when the two differ.
        var before = DateTime.UtcNow.Date;
        try
        {
            await VerifyAgainstUtcDate(before);
        }
        catch (Exception) when (DateTime.UtcNow.Date != before)
        {
            await VerifyAgainstUtcDate(DateTime.UtcNow.Date);
        }
    }

    private static Task VerifyAgainstUtcDate(DateTime today)
    {
        var expected = today.AddDays(MissingExpiresCodeFix.DaysAhead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Test.VerifyAsync(
            Test.Usings + """
            [FlagCatalog]
            public sealed partial class Flags
            {
                [Flag(FlagKind.Release)]
                public const string {|FF0003:A|} = "A";
            }
            """,
            Test.Usings + $$"""
            [FlagCatalog]
            public sealed partial class Flags
            {
                [Flag(FlagKind.Release, Expires = "{{expected}}")]
                public const string A = "A";
            }
            """,
            today: null);
    }
}
