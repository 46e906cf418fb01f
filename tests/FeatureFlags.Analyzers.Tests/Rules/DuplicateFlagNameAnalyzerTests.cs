using FeatureFlags.Analyzers.Rules;
using FeatureFlags.Analyzers.Tests.Infrastructure;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.DuplicateFlagNameAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class DuplicateFlagNameAnalyzerTests
{
    [Fact]
    public Task TwoCatalogs_SameNameInAnotherCase_BothReported() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Checkout
        {
            [Flag(FlagKind.Ops)]
            public const string Kill = "Kill";
        }

        [FlagCatalog]
        public sealed partial class Search
        {
            [Flag(FlagKind.Ops)]
            public const string Stop = "KILL";
        }
        """,
        Test.Diagnostic(DiagnosticIds.DuplicateFlagName).WithSpan(6, 25, 6, 29).WithArguments("Kill", "Search.Stop"),
        Test.Diagnostic(DiagnosticIds.DuplicateFlagName).WithSpan(13, 25, 13, 29).WithArguments("KILL", "Checkout.Kill"));

    [Fact]
    public Task PartialCatalog_DistinctNamesInTwoFiles_NoError() => Test.VerifyAsync(
        [Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string A = "A";
        }
        """, Test.Usings + """
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string B = "B";
        }
        """]);

    [Fact]
    public Task PartialCatalog_SameNameInTwoFiles_BothReported() => Test.VerifyAsync(
        [Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string {|FF0007:A|} = "Same";
        }
        """, Test.Usings + """
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string {|FF0007:B|} = "Same";
        }
        """]);

    [Fact]
    public Task NestedClassOfCatalog_SameNameAsOuter_Reported() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string {|FF0007:A|} = "A";

            public static class Inner
            {
                [Flag(FlagKind.Ops)]
                public const string {|FF0007:A|} = "A";
            }
        }
        """);

    [Fact]
    public Task OtherProject_SameNameAsReferencedCatalog_ReportedInThisProject()
    {
        var library = TestReferences.CompileProject("Shared.Flags", Test.Usings + """
            [FlagCatalog]
            public sealed partial class SharedFlags
            {
                [Flag(FlagKind.Ops)]
                public const string Kill = "Kill";
            }
            """);
        return new Test()
            .WithReference(library)
            .WithSources(Test.Usings + """
                [FlagCatalog]
                public sealed partial class Flags
                {
                    [Flag(FlagKind.Ops)]
                    public const string Kill = "Kill";
                }
                """)
            .Expect(Test.Diagnostic(DiagnosticIds.DuplicateFlagName).WithSpan(6, 25, 6, 29).WithArguments("Kill", "SharedFlags.Kill"))
            .RunAsync();
    }
}
