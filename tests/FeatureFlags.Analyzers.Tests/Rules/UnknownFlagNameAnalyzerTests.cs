using FeatureFlags.Analyzers.Rules;
using FeatureFlags.Analyzers.Tests.Infrastructure;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.UnknownFlagNameAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

public sealed class UnknownFlagNameAnalyzerTests
{
    private const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string NewCheckout = "NewCheckout";

            [Flag(FlagKind.Ops)]
            public const string Recommendations = "Recommendations";
        }
        """;

    [Fact]
    public Task Typo_PassedToSnapshot_WarnsWithNearestName() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled({|#0:"NewChekout"|});
        }
        """],
        Test.Diagnostic(DiagnosticIds.UnknownFlagName).WithLocation(0).WithArguments("NewChekout", " (did you mean 'NewCheckout'?)"));

    [Fact]
    public Task UnrelatedName_NoSuggestion_WarnsWithoutHint() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class C
        {
            public FlagKey K() => new FlagKey({|#0:"Zebra"|});
        }
        """],
        Test.Diagnostic(DiagnosticIds.UnknownFlagName).WithLocation(0).WithArguments("Zebra", ""));

    [Fact]
    public Task DeclaredNames_AnyCaseConstantOrLiteral_NoWarning() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class C
        {
            private const string Alias = "recommendations";
            public bool M(IFlagSnapshot s, string runtimeName) =>
                s.IsEnabled(Flags.NewCheckout) && s.IsEnabled("newcheckout") && s.IsEnabled(Alias)
                && s.IsEnabled(runtimeName) && s.GetVariant(flag: "NewCheckout") == null;
        }
        """]);

    [Fact]
    public Task OwnApi_ParameterMarkedFlagName_Checked() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class Gate
        {
            public static void Require([FlagName] string flag, string reason) { }
            public static void Run()
            {
                Require({|FF0005:"Recomendation"|}, "Recomendation");
                Require(reason: "x", flag: {|FF0005:"Nope"|});
            }
        }
        """]);

    [Fact]
    public Task AttributeArgument_FlagNameParameter_Checked() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public sealed class GateAttribute : System.Attribute
        {
            public GateAttribute([FlagName] string flag) { }
        }

        [Gate({|FF0005:"NewChekout"|})]
        public class Page { }

        [Gate(Flags.NewCheckout)]
        public class Other { }
        """]);

    [Fact]
    public Task Override_InheritsFlagNameFromBase_Checked() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public abstract class Base { public abstract bool Check([FlagName] string flag); }
        public sealed class Derived : Base
        {
            public override bool Check(string flag) => true;
            public bool Run() => Check({|FF0005:"Unknown"|});
        }
        """]);

    [Fact]
    public Task InterfaceImplementation_CalledThroughConcreteType_Checked() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public interface IGate { bool Allows([FlagName] string flag); }
        public sealed class Gate : IGate
        {
            public bool Allows(string flag) => true;
        }

        public sealed class ExplicitGate : IGate
        {
            bool IGate.Allows(string flag) => true;
        }

        public static class Use
        {
            public static bool Run(Gate gate, IGate other) =>
                gate.Allows({|FF0005:"Unknown"|}) && other.Allows({|FF0005:"Nope"|}) && gate.Allows("NewCheckout");
        }
        """]);

    [Fact]
    public Task NoCatalogInSight_NothingToCompareWith_NoWarning() => Test.VerifyAsync(Test.Usings + """
        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled("Anything");
        }
        """);

    [Fact]
    public Task OtherProject_NameFromReferencedCatalog_Known()
    {
        var library = TestReferences.CompileProject("Shop.Flags", Test.Usings + """
            [FlagCatalog]
            public sealed partial class ShopFlags
            {
                [Flag(FlagKind.Ops)]
                public const string Cart = "Cart";
            }
            """);
        return new Test()
            .WithReference(library)
            .WithSources(Test.Usings + """
                public class C
                {
                    public bool M(IFlagSnapshot s) => s.IsEnabled("Cart") && s.IsEnabled({|FF0005:"Carts"|});
                }
                """)
            .RunAsync();
    }
}
