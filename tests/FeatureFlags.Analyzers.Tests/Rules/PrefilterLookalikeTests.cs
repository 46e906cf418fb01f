using Expired = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.ExpiredFlagAnalyzer>;
using Unknown = FeatureFlags.Analyzers.Tests.Infrastructure.AnalyzerTest<FeatureFlags.Analyzers.Rules.UnknownFlagNameAnalyzer>;

namespace FeatureFlags.Analyzers.Tests.Rules;

/// <summary>
/// Spellings that look, to a syntactic prefilter, like something they are not: a constant named like a
/// flag constant but holding another name, a constant named like a non-constant member, constant
/// interpolations and casts. The answers are the compiler's, as with the operation-based rules.
/// </summary>
public sealed class PrefilterLookalikeTests
{
    private const string Catalog = Unknown.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops)]
            public const string Recommendations = "Recommendations";
        }

        public sealed class Holder
        {
            public string Name { get; } = "x";
        }
        """;

    [Fact]
    public Task ConstantNamedLikeFlagConstant_OtherValue_Warns() => Unknown.VerifyAsync(
        [Catalog, Unknown.Usings + """
        public static class Old
        {
            public const string Recommendations = "Recomendations";
        }

        public class C
        {
            public bool M(IFlagSnapshot s) => s.IsEnabled({|FF0005:Old.Recommendations|}) && s.IsEnabled(Flags.Recommendations);
        }
        """]);

    [Fact]
    public Task ConstantNamedLikeProperty_UnknownValue_Warns() => Unknown.VerifyAsync(
        [Catalog, Unknown.Usings + """
        public static class Names
        {
            public const string Name = "Typo";
        }

        public class C
        {
            public bool M(IFlagSnapshot s, Holder h) => s.IsEnabled({|FF0005:Names.Name|}) && s.IsEnabled(h.Name);
        }
        """]);

    [Fact]
    public Task ConstantInterpolationAndCast_UnknownValue_Warn() => Unknown.VerifyAsync(
        [Catalog, Unknown.Usings + """
        public class C
        {
            private const string Prefix = "Recommendation";
            public bool M(IFlagSnapshot s) =>
                s.IsEnabled({|FF0005:$"{Prefix}z"|}) && s.IsEnabled({|FF0005:(string)"Nope"|}) && s.IsEnabled($"{Prefix}s");
        }
        """]);

    [Fact]
    public Task ExpiredConstantInOtherConstantInitializer_Reported() => Expired.VerifyAsync(
        [Expired.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-01-14")]
            public const string {|FF0001:OldCheckout|} = "OldCheckout";
        }

        public static class Aliases
        {
            public const string Old = {|FF0001:Flags.OldCheckout|};
            public static bool Run(IFlagSnapshot s) => s.IsEnabled({|FF0001:Old|});
        }
        """]);
}
