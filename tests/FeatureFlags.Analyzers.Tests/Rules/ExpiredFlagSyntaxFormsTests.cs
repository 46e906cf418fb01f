using FeatureFlags.Analyzers.Tests.Infrastructure;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.ExpiredFlagAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>
/// FF0001 on the spellings a syntactic prefilter could miss: every one of these was reported when the
/// rule analyzed operations, and must still be.
/// </summary>
public sealed class ExpiredFlagSyntaxFormsTests
{
    // Today is pinned to 2027-01-15 in every test.
    private const string Catalog = ExpiredFlagAnalyzerTests.Catalog;

    [Fact]
    public Task AliasedCatalog_ConstantUse_Reported() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        using F = Flags;
        using static Flags;

        public class Checkout
        {
            public bool Run(IFlagSnapshot s) => s.IsEnabled({|FF0001:F.OldCheckout|}) && s.IsEnabled({|FF0001:OldCheckout|}) && s.IsEnabled(F.NewCheckout);
        }
        """]);

    [Fact]
    public Task Nameof_OfExpiredConstant_ReportedOnReferenceAndOnName() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class Checkout
        {
            public bool Run(IFlagSnapshot s) => s.IsEnabled({|#0:nameof({|#1:Flags.OldCheckout|})|}) && s.IsEnabled(nameof(Flags.NewCheckout));
        }
        """],
        Test.Diagnostic(DiagnosticIds.ExpiredFlag).WithLocation(0).WithArguments("OldCheckout", "2027-01-14", "2027-01-15", "", ""),
        Test.Diagnostic(DiagnosticIds.ExpiredFlag).WithLocation(1).WithArguments("OldCheckout", "2027-01-14", "2027-01-15", "", ""));

    [Fact]
    public Task ConstantConcatenation_NamesExpiredFlag_Reported() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class Checkout
        {
            private const string Prefix = "Old";
            public bool Run(IFlagSnapshot s) => s.IsEnabled({|FF0001:Prefix + "Checkout"|}) && s.IsEnabled({|FF0001:"Old" + "Checkout"|}) && s.IsEnabled(("New" + "Checkout"));
        }
        """]);

    [Fact]
    public Task ConstantFromProjectWithoutFeatureFlags_NamesExpiredFlag_Reported()
    {
        var library = TestReferences.CompileProject("Shop.Names", """
            public static class Names
            {
                public const string Old = "OldCheckout";
                public const string New = "NewCheckout";
            }
            """);
        return new Test()
            .WithReference(library)
            .WithSources(Catalog, Test.Usings + """
                public class Checkout
                {
                    public bool Run(IFlagSnapshot s) => s.IsEnabled({|FF0001:Names.Old|}) && s.IsEnabled(Names.New);
                }
                """)
            .RunAsync();
    }

    [Fact]
    public Task NamedAndAttributeArguments_NamingExpiredFlag_Reported() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public sealed class GateAttribute : System.Attribute
        {
            public GateAttribute(string reason, [FlagName] string flag) { }
        }

        [Gate(flag: {|FF0001:"OldCheckout"|}, reason: "OldCheckout")]
        public class Checkout
        {
            public string? Run(IFlagSnapshot s) => s.GetVariant(flag: {|FF0001:"OldCheckout"|});
        }
        """]);

    [Fact]
    public Task ParamsArray_ExpiredElement_ReportedArrayPassedWholeNot() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public static class Gates
        {
            public static bool Any([FlagName] params string[] flags) => flags.Length > 0;
            public static bool Run() => Any({|FF0001:"OldCheckout"|}, "NewCheckout") && Any(new[] { "OldCheckout" });
        }
        """]);

    [Fact]
    public Task NullConditionalAndLocalFunction_ReportedOnMemberBinding() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public sealed partial class Flags
        {
            public readonly struct View
            {
                public bool OldCheckout => false;
            }
        }

        public class Checkout
        {
            public bool Run(Flags.View? v)
            {
                bool Check([FlagName] string flag) => flag.Length > 0;
                return v?{|FF0001:.OldCheckout|} == true && Check({|FF0001:"OldCheckout"|}) && Check("NewCheckout");
            }
        }
        """]);
}
