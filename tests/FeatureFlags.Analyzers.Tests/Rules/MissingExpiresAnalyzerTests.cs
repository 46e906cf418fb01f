using FeatureFlags.Analyzers.Rules;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.MissingExpiresAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class MissingExpiresAnalyzerTests
{
    [Fact]
    public Task TemporaryKinds_WithoutExpires_Warn() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Owner = "team")]
            public const string NewCheckout = "NewCheckout";

            [Flag(FlagKind.Experiment)]
            public const string {|FF0003:Button|} = "Button";
        }
        """,
        Test.Diagnostic(DiagnosticIds.MissingExpires).WithSpan(6, 25, 6, 36).WithArguments("NewCheckout", "release"));

    [Fact]
    public Task LongLivedKinds_WithoutExpires_NoWarning() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string Kill = "Kill";

            [Flag(FlagKind.Permission)]
            public const string Beta = "Beta";

            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string Dated = "Dated";
        }
        """);

    [Fact]
    public Task ExplicitNullExpires_Warns() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = null)]
            public const string {|FF0003:F|} = "F";
        }
        """);

    [Fact]
    public Task FlagOutsideCatalog_IgnoredAsAtRunTime() => Test.VerifyAsync(Test.Usings + """
        public static class NotACatalog
        {
            [Flag(FlagKind.Release)]
            public const string F = "F";
        }
        """);
}
