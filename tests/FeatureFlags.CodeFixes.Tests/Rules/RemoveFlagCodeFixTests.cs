using FeatureFlags.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;
using Test = FeatureFlags.CodeFixes.Tests.Infrastructure.CodeFixTest<FeatureFlags.Analyzers.Rules.ExpiredFlagAnalyzer, FeatureFlags.CodeFixes.Rules.RemoveFlagCodeFix>;

namespace FeatureFlags.CodeFixes.Tests.Rules;

/// <summary>"Remove flag 'X', keeping it on/off": every read folded, the declaration and the settings keys gone.</summary>
public sealed class RemoveFlagCodeFixTests
{
    // Old expired on 2027-01-14; today is pinned to 2027-01-15.
    private const string Catalog = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-01-14")]
            public const string {|FF0001:Old|} = "Old";

            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string Other = "Other";
        }
        """;

    private const string CatalogAfter = Test.Usings + """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2027-06-30")]
            public const string Other = "Other";
        }
        """;

    [Theory]
    [InlineData(true, """
            var a = "new";
            return a;
    """)]
    [InlineData(false, """
            return "old";
    """)]
    public Task IfElse_KeptBranchInlined(bool keepOn, string kept) => Verify(
        keepOn,
        """
        public class Checkout
        {
            public string Run(IFlagSnapshot flags)
            {
                if (flags.IsEnabled({|FF0001:Flags.Old|}))
                {
                    var a = "new";
                    return a;
                }
                else
                {
                    return "old";
                }
            }
        }
        """,
        $$"""
        public class Checkout
        {
            public string Run(IFlagSnapshot flags)
            {
        {{kept}}
            }
        }
        """);

    [Theory]
    [InlineData(true, """
            x += 1;
            return x * 2;
    """)]
    [InlineData(false, """
            return x;
    """)]
    public Task EarlyReturn_RemovedOrKeptWithWhatItMakesUnreachable(bool keepOn, string kept) => Verify(
        keepOn,
        """
        public class Pricing
        {
            public int Total(IFlagSnapshot flags, int x)
            {
                if (!flags.IsEnabled({|FF0001:Flags.Old|}))
                    return x;
                x += 1;
                return x * 2;
            }
        }
        """,
        $$"""
        public class Pricing
        {
            public int Total(IFlagSnapshot flags, int x)
            {
        {{kept}}
            }
        }
        """);

    [Fact]
    public Task LogicalOperatorsConditionalAndElseIfChain_Folded() => Verify(
        keepOn: true,
        """
        public class Labels
        {
            public string Pick(IFlagReader flags, bool vip)
            {
                var label = flags.IsEnabled({|FF0001:"Old"|}) && vip ? "a" : "b";
                var other = vip || !flags.IsEnabled(new FlagKey({|FF0001:Flags.Old|}));
                if (vip)
                {
                    return label;
                }
                else if (flags.IsEnabled({|FF0001:Flags.Old|}) == true)
                {
                    return "new" + other;
                }
                else
                {
                    return "old";
                }
            }
        }
        """,
        """
        public class Labels
        {
            public string Pick(IFlagReader flags, bool vip)
            {
                var label = vip ? "a" : "b";
                var other = vip;
                if (vip)
                {
                    return label;
                }
                else
                {
                    return "new" + other;
                }
            }
        }
        """);

    [Fact]
    public Task NestedConditions_FoldedInsideOut() => Verify(
        keepOn: false,
        """
        public class Page
        {
            public int Render(IFlagSnapshot flags, bool admin)
            {
                var count = 0;
                if (admin)
                {
                    if (flags.IsEnabled({|FF0001:Flags.Old|}) || flags.IsEnabled(Flags.Other))
                    {
                        count++;
                    }

                    count += flags.IsEnabled({|FF0001:Flags.Old|}) ? 10 : 20;
                }

                return count;
            }
        }
        """,
        """
        public class Page
        {
            public int Render(IFlagSnapshot flags, bool admin)
            {
                var count = 0;
                if (admin)
                {
                    if (flags.IsEnabled(Flags.Other))
                    {
                        count++;
                    }

                    count += 20;
                }

                return count;
            }
        }
        """);

    // The gates' shape, as FeatureFlags.AspNetCore declares them; the fix recognises them by namespace and name.
    private const string Gates = """
        namespace FeatureFlags.AspNetCore
        {
            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public sealed class RequireFlagAttribute([FeatureFlags.FlagName] string flag) : System.Attribute
            {
                public string Flag { get; } = flag;
            }

            public static class FlagGates
            {
                public static T RequireFlag<T>(this T builder, [FeatureFlags.FlagName] string flag) => builder;
            }

            public sealed class Endpoints
            {
                public Endpoints MapGet(string path) => this;

                public Endpoints MapGroup(string path) => this;
            }
        }
        """;

    [Theory]
    [InlineData(true, """
        public static class Api
        {
            public static void Map(FeatureFlags.AspNetCore.Endpoints app)
            {
                app.MapGet("/a");
                var group = app.MapGroup("/g");
                group.MapGet("/x");
                Keep(app.MapGet("/c"));
            }

            private static void Keep(FeatureFlags.AspNetCore.Endpoints endpoint)
            {
            }
        }

        public sealed class ReportsPage
        {
        }

        public sealed class Controller
        {
            public void Export()
            {
            }
        }
        """)]
    [InlineData(false, """
        public static class Api
        {
            public static void Map(FeatureFlags.AspNetCore.Endpoints app)
            {
                // TODO: the flag 'Old' was removed and kept off; endpoints gated by it are never reached: remove them.
                Keep(app.MapGet("/c").RequireFlag("Old"));
            }

            private static void Keep(FeatureFlags.AspNetCore.Endpoints endpoint)
            {
            }
        }

        public sealed class Controller
        {
            // TODO: the flag 'Old' was removed and kept off; this is never reached: remove it.
            [FeatureFlags.AspNetCore.RequireFlag("Old")]
            public void Export()
            {
            }
        }
        """)]
    public Task Gates_RemovedWhenKeptOnDeadEndpointsWhenKeptOff(bool keepOn, string expected)
    {
        var test = NewTest(keepOn);
        test.TestState.Sources.Add(Catalog);
        test.TestState.Sources.Add(Gates);
        test.TestState.Sources.Add(Test.Usings + """
            using FeatureFlags.AspNetCore;

            public static class Api
            {
                public static void Map(FeatureFlags.AspNetCore.Endpoints app)
                {
                    app.MapGet("/a").RequireFlag({|FF0001:Flags.Old|});
                    var group = app.MapGroup("/g").RequireFlag({|FF0001:Flags.Old|});
                    group.MapGet("/x");
                    Keep(app.MapGet("/c").RequireFlag({|FF0001:Flags.Old|}));
                }

                private static void Keep(FeatureFlags.AspNetCore.Endpoints endpoint)
                {
                }
            }

            [FeatureFlags.AspNetCore.RequireFlag({|FF0001:Flags.Old|})]
            public sealed class ReportsPage
            {
            }

            public sealed class Controller
            {
                [FeatureFlags.AspNetCore.RequireFlag({|FF0001:Flags.Old|})]
                public void Export()
                {
                }
            }
            """);
        test.FixedState.Sources.Add(CatalogAfter);
        test.FixedState.Sources.Add(Gates);
        test.FixedState.Sources.Add(Test.Usings + "using FeatureFlags.AspNetCore;\n\n" + expected);
        return test.RunAsync();
    }

    [Fact]
    public Task VariantAndConstantAsValue_FoldedAndInlined() => Verify(
        keepOn: false,
        """
        public class Experiment
        {
            public string Pick(IFlagSnapshot flags)
            {
                var name = {|FF0001:Flags.Old|};
                if (flags.GetVariant({|FF0001:Flags.Old|}) == "green")
                {
                    return "green " + name;
                }

                return "other " + name;
            }
        }
        """,
        """
        public class Experiment
        {
            public string Pick(IFlagSnapshot flags)
            {
                var name = "Old";

                return "other " + name;
            }
        }
        """);

    [Fact]
    public Task SwitchOnVariant_KeptSectionInlined() => Verify(
        keepOn: false,
        """
        public class Banner
        {
            public string Text(IFlagSnapshot flags)
            {
                var size = flags.GetVariant({|FF0001:Flags.Old|}) switch
                {
                    "large" => 2,
                    _ => 1,
                };
                switch (flags.GetVariant({|FF0001:Flags.Old|}))
                {
                    case "green":
                        return "green" + size;
                    case null:
                        var plain = "plain";
                        return plain + size;
                    default:
                        return "other";
                }
            }
        }
        """,
        """
        public class Banner
        {
            public string Text(IFlagSnapshot flags)
            {
                var size = 1;
                var plain = "plain";
                return plain + size;
            }
        }
        """);

    [Fact]
    public Task AppSettings_KeyRemovedRestKeptWithComments()
    {
        var test = NewTest(keepOn: true);
        test.TestState.Sources.Add(Catalog);
        test.TestState.AdditionalFiles.Add(("appsettings.json", """
            {
              // flags for every environment
              "FeatureFlags": {
                "Old": { "Enabled": true, "Rollout": 10 },
                "Other": false
              },
              "Logging": { "LogLevel": { "Default": "Information" } }
            }
            """));
        test.TestState.AdditionalFiles.Add(("appsettings.Production.json", """
            { "FeatureFlags": { "Other": true, "Old": true } }
            """));
        test.FixedState.Sources.Add(CatalogAfter);
        test.FixedState.AdditionalFiles.Add(("appsettings.json", """
            {
              // flags for every environment
              "FeatureFlags": {
                "Other": false
              },
              "Logging": { "LogLevel": { "Default": "Information" } }
            }
            """));
        test.FixedState.AdditionalFiles.Add(("appsettings.Production.json", """
            { "FeatureFlags": { "Other": true } }
            """));
        return test.RunAsync();
    }

    private static Task Verify(bool keepOn, string source, string fixedSource)
    {
        var test = NewTest(keepOn);
        test.TestState.Sources.Add(Catalog);
        test.TestState.Sources.Add(Test.Usings + source);
        test.FixedState.Sources.Add(CatalogAfter);
        test.FixedState.Sources.Add(Test.Usings + fixedSource);
        return test.RunAsync();
    }

    private static Test NewTest(bool keepOn) => new()
    {
        CodeActionEquivalenceKey = keepOn ? RemoveFlagCodeFix.KeepOnKey : RemoveFlagCodeFix.KeepOffKey,
        CodeActionIndex = keepOn ? 0 : 1,
        // One action rewrites the whole solution: there is nothing left for a second iteration or for fix-all.
        NumberOfIncrementalIterations = 1,
        CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
    };
}
