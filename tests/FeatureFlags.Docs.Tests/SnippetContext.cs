using System.Text.RegularExpressions;

namespace FeatureFlags.Docs.Tests;

/// <summary>
/// What a docs block is compiled with: the usings an application has, a catalog declaring every flag the docs
/// name, small stand-ins for the docs' domain types, and a wrapper per context:
/// <list type="bullet">
/// <item><c>program</c> (the default): statements of a program, with <c>builder</c>, <c>app</c>, <c>snapshot</c>,
/// <c>snapshotFactory</c>, <c>flagReader</c> and <c>userId</c> in scope;</item>
/// <item><c>chain</c>: the rest of a <c>builder.Services.AddFeatureFlags(builder.Configuration)</c> call, then statements;</item>
/// <item><c>members</c>: members of a controller class (test methods, actions);</item>
/// <item><c>file</c>: a whole file; one that declares its own <c>Flags</c> catalog replaces the docs' catalog.</item>
/// </list>
/// </summary>
internal static partial class SnippetContext
{
    public static readonly string[] Contexts = ["program", "chain", "members", "file"];

    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Security.Claims;
        global using System.Threading.Tasks;
        global using FeatureFlags;
        global using FeatureFlags.AspNetCore;
        global using FeatureFlags.Etcd;
        global using FeatureFlags.Testing;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.Mvc.RazorPages;
        global using Microsoft.AspNetCore.Mvc.Testing;
        global using Microsoft.AspNetCore.TestHost;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Xunit;
        """;

    private const string Catalog = """
        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Release, Expires = "2999-12-31")] public const string NewCheckout = "NewCheckout";
            [Flag(FlagKind.Ops, Default = true)] public const string Recommendations = "Recommendations";
            [Flag(FlagKind.Release, Expires = "2999-12-31")] public const string FreeShipping = "FreeShipping";
            [Flag(FlagKind.Release, Expires = "2999-12-31")] public const string BetaReports = "BetaReports";
            [Flag(FlagKind.Experiment, Expires = "2999-12-31")] public const string CheckoutButton = "CheckoutButton";
            [Flag(FlagKind.Permission)] public const string Export = "Export";
            [Flag(FlagKind.Release, Expires = "2999-12-31")] public const string NewSite = "NewSite";
            [Flag(FlagKind.Release, Expires = "2999-12-31")] public const string NewAdmin = "NewAdmin";
        }
        """;

    // The docs' domain, as small as compiles; other test frameworks' attributes, so that a block can show this
    // library's API inside NUnit or MSTest code.
    private const string Domain = """
        public sealed record Cart(IReadOnlyList<decimal> Items);
        public sealed class PricingService { public IResult Quote(IReadOnlyList<decimal> items, bool freeShipping) => Results.Ok(); }
        public sealed class CheckoutService
        {
            public CheckoutService(IFlagSnapshot? flags = null) { }
            public IResult PlaceOrder(Cart cart, bool useNewCheckout) => Results.Ok();
        }
        public static class Pricing { public static decimal Total(Cart cart, bool newCheckout, bool freeShipping) => 0m; }
        public static class CheckoutPage { public static string Describe(bool newCheckout, string? button) => ""; }
        public partial class Program { }
        public sealed class TestCaseSourceAttribute(string name) : Attribute { public string Name => name; }
        public sealed class TestMethodAttribute : Attribute { }
        public sealed class DynamicDataAttribute(string name) : Attribute { public string Name => name; }
        """;

    private const string ProgramOpening = """
        public static partial class Snippet
        {
            private static WebApplicationBuilder builder = null!;
            private static WebApplication app = null!;
            private static IFlagSnapshotFactory snapshotFactory = null!;
            private static IFlagReader flagReader = null!;
        private static IFlagSnapshot snapshot = null!;
            private static string userId = "alice";

            private static IResult Checkout() => Results.Ok();
            private static IResult CheckoutV2() => Results.Ok();
            private static IResult NewCheckout() => Results.Ok();
            private static IResult Beta() => Results.Ok();

            public static async Task Run()
            {
        """;

    private const string ProgramClosing = """

                await Task.CompletedTask;
            }
        }
        """;

    [GeneratedRegex(@"\bclass\s+Flags\b")]
    private static partial Regex OwnCatalog();

    /// <summary>The sources a block compiles as, its own text in the last.</summary>
    public static string[] Sources(CodeBlock block)
    {
        var ownCatalog = block.Context == "file" && OwnCatalog().IsMatch(block.Code);
        var shared = ownCatalog ? Usings + "\n" + Domain : Usings + "\n" + Catalog + "\n" + Domain;
        var code = block.Context switch
        {
            "program" => ProgramOpening + block.Code + ProgramClosing,
            "chain" => ProgramOpening + "builder.Services.AddFeatureFlags(builder.Configuration)\n" + block.Code + ProgramClosing,
            "members" => "public sealed partial class SnippetMembers : Controller\n{\n" + block.Code + "\n}\n",
            "file" => block.Code,
            _ => throw new InvalidOperationException($"{block}: unknown context '{block.Context}'; use one of {string.Join(", ", Contexts)}"),
        };
        return [shared, code];
    }
}
