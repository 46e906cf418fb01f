using FeatureFlags.CodeFixes.Rules;
using Test = FeatureFlags.CodeFixes.Tests.Infrastructure.CodeFixTest<FeatureFlags.Analyzers.Rules.UnknownFlagNameAnalyzer, FeatureFlags.CodeFixes.Rules.UnknownFlagNameCodeFix>;

namespace FeatureFlags.CodeFixes.Tests.Rules;

public sealed class UnknownFlagNameCodeFixTests
{
    private const string Catalog = Test.Usings + """
        namespace Shop;

        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string NewCheckout = "NewCheckout";

            [Flag(FlagKind.Ops)]
            public const string Recommendations = "Recommendations";

            [Flag(FlagKind.Ops)]
            public const string Beta1 = "Beta1";

            [Flag(FlagKind.Ops)]
            public const string Beta2 = "Beta2";
        }
        """;

    [Fact]
    public Task Typo_SameNamespace_ReplacedByConstant() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        namespace Shop;

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:"NewChekout"|});
        }
        """],
        [Catalog, Test.Usings + """
        namespace Shop;

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled(Flags.NewCheckout);
        }
        """]);

    [Fact]
    public Task Typo_OtherNamespaceWithoutUsing_ReplacedByQualifiedConstant() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        namespace Web;

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled( {|FF0005:"recomendations"|} );
        }
        """],
        [Catalog, Test.Usings + """
        namespace Web;

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled( Shop.Flags.Recommendations );
        }
        """]);

    [Fact]
    public Task Typo_NamespaceShadowsCatalogNamespace_ReplacedByGlobalQualifiedConstant() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        namespace Web.Shop
        {
            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:"recomendations"|});
            }
        }
        """],
        [Catalog, Test.Usings + """
        namespace Web.Shop
        {
            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled(global::Shop.Flags.Recommendations);
            }
        }
        """]);

    [Fact]
    public Task Typo_InAttributeArgument_ReplacedByConstant() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        using Shop;

        public sealed class GateAttribute : System.Attribute
        {
            public GateAttribute([FlagName] string flag) { }
        }

        [Gate({|FF0005:"NewChekout"|})]
        public class Page { }
        """],
        [Catalog, Test.Usings + """
        using Shop;

        public sealed class GateAttribute : System.Attribute
        {
            public GateAttribute([FlagName] string flag) { }
        }

        [Gate(Flags.NewCheckout)]
        public class Page { }
        """]);

    [Fact]
    public async Task Typo_CatalogInReferencedProject_ReplacedByItsConstant()
    {
        var shared = FeatureFlags.Analyzers.Tests.Infrastructure.TestReferences.CompileProject("SharedFlags", Catalog);
        var test = new Test().WithSources(Test.Usings + """
            using Shop;

            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:"NewChekout"|});
            }
            """).WithFixedSources(Test.Usings + """
            using Shop;

            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled(Flags.NewCheckout);
            }
            """);
        test.TestState.AdditionalReferences.Add(shared);
        await test.RunAsync();
    }

    [Fact]
    public Task Typo_ConstantNotAccessible_ReplacedByCorrectLiteral() => Test.VerifyAsync(
        Test.Usings + """
        public class Outer
        {
            [FlagCatalog]
            private sealed class Hidden
            {
                [Flag(FlagKind.Ops)]
                public const string Search = "Search";
            }
        }

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:"Serach"|});
        }
        """,
        Test.Usings + """
        public class Outer
        {
            [FlagCatalog]
            private sealed class Hidden
            {
                [Flag(FlagKind.Ops)]
                public const string Search = "Search";
            }
        }

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled("Search");
        }
        """);

    [Fact]
    public Task SeveralTypos_FixAll_EachGetsItsNearestFlag() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        namespace Shop;

        public class C
        {
            public bool M(IFlagSnapshot s) =>
                s.IsEnabled({|FF0005:"NewChekout"|}) && s.IsEnabled({|FF0005:"Recomendations"|});
        }
        """, Test.Usings + """
        namespace Shop;

        public class D
        {
            public FlagKey K() => new FlagKey({|FF0005:"NewCheckot"|});
        }
        """],
        [Catalog, Test.Usings + """
        namespace Shop;

        public class C
        {
            public bool M(IFlagSnapshot s) =>
                s.IsEnabled(Flags.NewCheckout) && s.IsEnabled(Flags.Recommendations);
        }
        """, Test.Usings + """
        namespace Shop;

        public class D
        {
            public FlagKey K() => new FlagKey(Flags.NewCheckout);
        }
        """]);

    [Fact]
    public async Task TwoEquallyNearFlags_SecondAction_UsesTheOther()
    {
        var test = new Test().WithSources(Catalog, Test.Usings + """
            namespace Shop;

            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:"Beta"|});
            }
            """).WithFixedSources(Catalog, Test.Usings + """
            namespace Shop;

            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled(Flags.Beta2);
            }
            """);
        test.CodeActionIndex = 1;
        test.CodeActionEquivalenceKey = UnknownFlagNameCodeFix.NearestKey + ":Beta2";
        await test.RunAsync();
    }

    [Fact]
    public Task UnrelatedName_NoSuggestion_NoFix()
    {
        const string Source = Test.Usings + """
            namespace Shop;

            public class C
            {
                public FlagKey K() => new FlagKey({|FF0005:"Zebra"|});
            }
            """;
        return Test.VerifyAsync([Catalog, Source], [Catalog, Source]);
    }

    [Fact]
    public async Task TwoEquallyNearFlags_FirstAction_UsesTheFirstInOrdinalOrder()
    {
        var test = new Test().WithSources(Catalog, Test.Usings + """
            namespace Shop;

            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:"Beta"|});
            }
            """);
        test.FixedState.Sources.Add(Catalog);
        test.FixedState.Sources.Add(Test.Usings + """
            namespace Shop;

            public class C
            {
                public bool M(IFlagSnapshot s) => s.IsEnabled(Flags.Beta1);
            }
            """);
        test.CodeActionEquivalenceKey = UnknownFlagNameCodeFix.NearestKey;
        await test.RunAsync();
    }
}
