using FeatureFlags.Analyzers.Rules;
using FeatureFlags.Analyzers.Tests.Infrastructure;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.ExpiredFlagAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class ExpiredFlagAnalyzerTests
{
    // Today is pinned to 2027-01-15 in every test. Shared with the syntax-form tests.
    internal const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-01-14")]
            public const string {|FF0001:OldCheckout|} = "OldCheckout";

            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string NewCheckout = "NewCheckout";
        }
        """;

    [Fact]
    public Task Declaration_ExpiredYesterday_ReportsError() => Test.VerifyAsync(Catalog);

    [Fact]
    public Task Declaration_ExpiresToday_IsNotExpired() => Test.VerifyAsync(Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-01-15")]
            public const string LastDay = "LastDay";
        }
        """);

    [Fact]
    public Task Declaration_MessageNamesFlagDateTodayOwnerAndRemovalIssue() => Test.VerifyAsync(
        Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Experiment, Expires = "2026-12-31", Owner = "team-growth", RemovalIssue = "https://example.org/issues/42")]
            public const string Button = "CheckoutButton";

            [Flag(FlagKind.Release, Expires = "2026-12-30")]
            public const string Anonymous = "Anonymous";
        }
        """,
        Test.Diagnostic(DiagnosticIds.ExpiredFlag).WithSpan(6, 25, 6, 31)
            .WithArguments("CheckoutButton", "2026-12-31", "2027-01-15", " (owner: team-growth; removal: https://example.org/issues/42)", ""),
        Test.Diagnostic(DiagnosticIds.ExpiredFlag).WithSpan(9, 25, 9, 34).WithArguments("Anonymous", "2026-12-30", "2027-01-15", "", ""));

    [Fact]
    public Task Declaration_RequiredByUnexpiredFlags_MessageNamesThem() =>
        new Test().WithSources(Catalog.Replace("{|FF0001:OldCheckout|}", "OldCheckout", StringComparison.Ordinal)).WithAdditionalFile("appsettings.json", """
            { "FeatureFlags": { "NewCheckout": { "Requires": ["OldCheckout"] }, "Banner": { "Requires": { "oldcheckout": true } }, "OldCheckout": true } }
            """).WithAdditionalFile("appsettings.Production.json", """
            { "FeatureFlags": { "Footer": { "Requires": ["OldCheckout"] } } }
            """).Expect(
                Test.Diagnostic(DiagnosticIds.ExpiredFlag).WithSpan(6, 25, 6, 36).WithArguments(
                    "OldCheckout", "2027-01-14", "2027-01-15", "",
                    "; Banner (appsettings.json), Footer (appsettings.Production.json), NewCheckout (appsettings.json) require it: change their Requires first, or they turn off with it"))
            .RunAsync();

    [Fact]
    public Task ConstantUse_ExpiredFlag_ReportsEveryUse() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class Checkout
        {
            public bool Run(IFlagSnapshot flags) => flags.IsEnabled({|FF0001:Flags.OldCheckout|}) && flags.IsEnabled(Flags.NewCheckout);
            public string Name() => {|FF0001:Flags.OldCheckout|};
        }
        """]);

    [Fact]
    public Task StringUse_FlagNameParameter_ReportsLiteralAndConstant() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class Checkout
        {
            private const string Alias = "OldCheckout";
            public bool Run(IFlagSnapshot flags) => flags.IsEnabled({|FF0001:"oldcheckout"|}) || flags.GetVariant({|FF0001:Alias|}) != null;
            public FlagKey Key() => new FlagKey({|FF0001:"OldCheckout"|});
            public string NotAFlagParameter() => string.Concat("OldCheckout", "x");
        }
        """]);

    [Fact]
    public Task GeneratedMembers_KeysAndView_ReportUsesOfExpiredFlag() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public sealed partial class Flags
        {
            public static class Keys
            {
                public static readonly FlagKey OldCheckout = new(Flags.OldCheckout);
                public static readonly FlagKey NewCheckout = new(Flags.NewCheckout);
            }

            public readonly struct View
            {
                public bool OldCheckout => false;
                public string? OldCheckoutVariant => null;
                public bool NewCheckout => true;
            }
        }
        """.Replace("new(Flags.OldCheckout)", "new({|FF0001:Flags.OldCheckout|})", StringComparison.Ordinal),
        Test.Usings + """
        public class Checkout
        {
            public bool Run(IFlagSnapshot snapshot, Flags.View view) =>
                snapshot.IsEnabled({|FF0001:Flags.Keys.OldCheckout|}.Name) && {|FF0001:view.OldCheckout|} && {|FF0001:view.OldCheckoutVariant|} == null && view.NewCheckout;
        }
        """]);

    [Fact]
    public Task AttributeArguments_ConstantAndFlagNameString_Reported() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        [System.AttributeUsage(System.AttributeTargets.All, AllowMultiple = true)]
        public sealed class GateAttribute : System.Attribute
        {
            public GateAttribute([FlagName] string flag) { }
        }

        [Gate({|FF0001:Flags.OldCheckout|})]
        [Gate({|FF0001:"OldCheckout"|})]
        [Gate(Flags.NewCheckout)]
        public class Page
        {
            public string Pick(string name) => name switch
            {
                {|FF0001:Flags.OldCheckout|} => "old",
                _ => nameof({|FF0001:Flags.OldCheckout|}),
            };
        }
        """]);

    [Fact]
    public Task GeneratedCode_UsesOfExpiredFlag_AreNotReported()
    {
        var test = new Test().WithSources(Catalog);
        test.TestState.Sources.Add(("Flags.g.cs", "// <auto-generated/>\n" + Test.Usings + """
            public sealed partial class Flags
            {
                public static class Keys
                {
                    public static readonly FlagKey OldCheckout = new(Flags.OldCheckout);
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task NestedCatalog_ExpiredFlagInNestedClass_Reported() => Test.VerifyAsync(
        Test.Usings + """
        public static class Outer
        {
            [FlagCatalog]
            public sealed partial class Flags
            {
                public static class Checkout
                {
                    [Flag(FlagKind.Release, Expires = "2020-01-01")]
                    public const string {|FF0001:Old|} = "Checkout.Old";
                }
            }
        }

        public class User
        {
            public bool Run(IFlagSnapshot s) => s.IsEnabled({|FF0001:Outer.Flags.Checkout.Old|}) || s.IsEnabled({|FF0001:"Checkout.Old"|});
        }
        """);

    [Fact]
    public Task PartialCatalog_DeclarationsInTwoFiles_EachReportedWhereDeclared() => Test.VerifyAsync(
        [Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2026-01-01")]
            public const string {|FF0001:A|} = "A";
        }
        """, Test.Usings + """
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2026-01-02")]
            public const string {|FF0001:B|} = "B";

            public static bool Both(IFlagSnapshot s) => s.IsEnabled({|FF0001:A|}) && s.IsEnabled({|FF0001:B|});
        }
        """]);

    [Fact]
    public Task OtherProject_CatalogInReferencedAssembly_ReportsEveryKindOfUse()
    {
        var library = TestReferences.CompileProject("Shop.Flags", Test.Usings + """
            namespace Shop;

            [FlagCatalog]
            public sealed partial class ShopFlags
            {
                [Flag(FlagKind.Release, Expires = "2026-06-30")]
                public const string OldCart = "OldCart";

                [Flag(FlagKind.Release, Expires = "2027-06-30")]
                public const string NewCart = "NewCart";

                public static class Keys
                {
                    public static readonly FlagKey OldCart = new(ShopFlags.OldCart);
                }

                public readonly struct View
                {
                    public bool OldCart => false;
                    public bool NewCart => true;
                }
            }
            """);

        return new Test()
            .WithReference(library)
            .WithSources(Test.Usings + """
                using Shop;

                public class Cart
                {
                    public bool Run(IFlagSnapshot s, ShopFlags.View v) =>
                        s.IsEnabled({|FF0001:ShopFlags.OldCart|})
                        || s.IsEnabled({|FF0001:"OldCart"|})
                        || s.IsEnabled({|FF0001:ShopFlags.Keys.OldCart|}.Name)
                        || {|FF0001:v.OldCart|}
                        || v.NewCart
                        || s.IsEnabled(ShopFlags.NewCart);
                }
                """)
            .RunAsync();
    }

    [Fact]
    public Task Today_NotPinned_UsesTheClock()
    {
        // 2001 is in the past and 2999 in the future on any machine that runs this test.
        var test = new Test(today: null).WithSources(Test.Usings + """
            [FlagCatalog]
            public sealed partial class Flags
            {
                [Flag(FlagKind.Release, Expires = "2001-01-01")]
                public const string {|FF0001:Old|} = "Old";

                [Flag(FlagKind.Release, Expires = "2999-01-01")]
                public const string Future = "Future";
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task Today_PinnedBeforeExpiry_FlipsOutcome()
    {
        var test = new Test(today: "2027-01-14").WithSources(Catalog.Replace("{|FF0001:OldCheckout|}", "OldCheckout", StringComparison.Ordinal));
        return test.RunAsync();
    }

    [Fact]
    public Task LookalikeAttribute_NotTheFeatureFlagsOne_NothingReported() => Test.VerifyAsync("""
        public class Flag : System.Attribute { public string? Expires { get; set; } }
        public class C { [Flag(Expires = "2000-01-01")] public const string X = "X"; }
        """);
}
