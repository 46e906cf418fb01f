using FeatureFlags.Analyzers.Tests.Infrastructure;
using Test = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.UnknownFlagNameAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>
/// FF0005 on the spellings a syntactic prefilter could miss: every one of these was reported when the
/// rule analyzed operations, and must still be.
/// </summary>
public sealed class UnknownFlagNameSyntaxFormsTests
{
    private const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string Recommendations = "Recommendations";
        }
        """;

    [Fact]
    public Task Nameof_NotAFlagName_Warns() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:nameof(C)|}) && s.IsEnabled(nameof(Flags.Recommendations));
        }
        """]);

    [Fact]
    public Task ConstantConcatenationAndLocalConstant_Unknown_Warns() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class C
        {
            private const string Prefix = "Recommend";
            public bool M(IFlagSnapshot s)
            {
                const string local = "Nope";
                return s.IsEnabled({|FF0005:Prefix + "s"|}) && s.IsEnabled({|FF0005:local|}) && s.IsEnabled(Prefix + "ations");
            }
        }
        """]);

    [Fact]
    public Task ConstantFromProjectWithoutFeatureFlags_Unknown_Warns()
    {
        var library = TestReferences.CompileProject("Shop.Names", """
            public static class Names
            {
                public const string Typo = "Recomendations";
                public const string Right = "Recommendations";
            }
            """);
        return new Test()
            .WithReference(library)
            .WithSources(Catalog, Test.Usings + """
                public class C
                {
                    public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:Names.Typo|}) && s.IsEnabled(Names.Right);
                }
                """)
            .RunAsync();
    }

    [Fact]
    public Task AliasedAttributeAndConstructor_Unknown_Warns() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        using G = GateAttribute;
        using Key = FeatureFlags.FlagKey;

        public sealed class GateAttribute : System.Attribute
        {
            public GateAttribute([FlagName] string flag) { }
        }

        [G({|FF0005:"Nope"|})]
        public class C
        {
            public Key K() => new Key({|FF0005:"Zebra"|});
            public FlagKey K2() => new({|FF0005:"Zebra"|});
        }
        """]);

    [Fact]
    public Task ParamsArray_EachUnknownElement_Warns() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public static class Gates
        {
            public static bool Any([FlagName] params string[] flags) => flags.Length > 0;
            public static bool Run() => Any("Recommendations", {|FF0005:"Nope"|}, {|FF0005:"Zebra"|}) && Any({|FF0005:"Typo"|});
        }
        """]);

    [Fact]
    public Task ParamsArray_ArrayPassedWhole_NoWarning() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public static class Gates
        {
            public static bool Any([FlagName] params string[] flags) => flags.Length > 0;
            public static bool Run(string[] names) => Any(names) && Any(new[] { "Nope" }) && Any();
        }
        """]);

    [Fact]
    public Task ParamsAttributeArguments_UnknownElement_Warns() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        [System.AttributeUsage(System.AttributeTargets.Method)]
        public sealed class PlannedAttribute : System.Attribute
        {
            public PlannedAttribute(string environment, [FlagName] params string[] flags) { }
        }

        public static class Tests
        {
            [Planned("Production", "Recommendations", {|FF0005:"Recomendations"|})]
            public static void Run() { }

            [Planned("Nope")]
            public static void Environment() { }
        }
        """]);

    [Fact]
    public Task LocalFunctionDelegateAndIndexer_FlagNameParameters_Warn() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public delegate bool Check([FlagName] string flag);

        public sealed class Table
        {
            public bool this[[FlagName] string flag] => flag.Length > 0;
        }

        public class C
        {
            public bool M(Check check, Table table)
            {
                bool Local([FlagName] string flag) => flag.Length > 0;
                return Local({|FF0005:"Nope"|}) && check({|FF0005:"Zebra"|}) && table[{|FF0005:"Typo"|}] && check("Recommendations");
            }
        }
        """]);

    [Fact]
    public Task ConstructorInitializer_FlagNameParameter_Warns() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class Base
        {
            public Base([FlagName] string flag) { }
        }

        public sealed class Derived : Base
        {
            public Derived() : base({|FF0005:"Nope"|}) { }
        }
        """]);

    [Fact]
    public Task NonFlagNameParameters_UnknownStrings_NoWarning() => Test.VerifyAsync(
        [Catalog, Test.Usings + """
        public class C
        {
            public string M(IFlagSnapshot s) => string.Concat("Nope", nameof(C)) + s.Explain("Recommendations").ToString();
        }
        """]);
}
