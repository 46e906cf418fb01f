namespace FeatureFlags.Package.Tests;

/// <summary>
/// A test project on xunit v2 and one on xunit v3, each referencing only the packed testing packages by
/// version: both compile (no xunit v2 assembly reaches a v3 project), and [FlagMatrix] runs one case each.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TestingConsumerTests(PackageFixture package)
{
    private const string Flags = """
        using FeatureFlags;

        namespace Consumer;

        [FlagCatalog]
        public sealed partial class Flags
        {
            [Flag(FlagKind.Ops, Description = "New checkout")]
            public const string NewCheckout = "NewCheckout";
        }
        """;

    private const string Tests = """
        using FeatureFlags.Testing;
        using Xunit;

        namespace Consumer;

        public sealed class CheckoutTests
        {
            [Fact]
            public void Plain_Fact_Runs() => Assert.True(TestFlags.With(Flags.NewCheckout, true).IsEnabled(Flags.NewCheckout));

            // Production (a rollout) and Production + NewCheckout on; the rest coincide with these and are dropped.
            [Theory]
            [FlagMatrix(typeof(Flags), "Production", Flags.NewCheckout)]
            public void Matrix_EachCase_Runs(FlagMatrixCase flags) =>
                Assert.Equal(flags.Kind is FlagMatrixCaseKind.PlannedOn or FlagMatrixCaseKind.AllOn, flags.Snapshot.IsEnabled(Flags.NewCheckout) && flags.Kind != FlagMatrixCaseKind.Environment);
        }
        """;

    private static readonly Dictionary<string, string> Files = new()
    {
        ["Flags.cs"] = Flags,
        ["CheckoutTests.cs"] = Tests,
        ["appsettings.json"] = """{ "FeatureFlags": { "NewCheckout": false } }""",
        ["appsettings.Production.json"] = """{ "FeatureFlags": { "NewCheckout": { "Rollout": 10 } } }""",
    };

    [Fact]
    public void Test_XunitV2ProjectWithTheXunitAdapter_RunsFactAndEveryMatrixCase()
    {
        var (exitCode, output) = package.TestProject("XunitV2Consumer", [
            ("Microsoft.NET.Test.Sdk", "18.0.1"), ("xunit", "2.9.3"), ("xunit.runner.visualstudio", "3.1.5"),
            ("FeatureFlags.Testing.Xunit", package.Version)], Files);

        exitCode.ShouldBe(0, output);
        ShouldHaveRunEveryTest(output);
    }

    [Fact]
    public void Test_XunitV3ProjectWithTheXunitV3Adapter_RunsFactAndEveryMatrixCase()
    {
        var (exitCode, output) = package.TestProject("XunitV3Consumer", [
            ("Microsoft.NET.Test.Sdk", "18.0.1"), ("xunit.v3", "3.2.1"), ("xunit.runner.visualstudio", "3.1.5"),
            ("FeatureFlags.Testing.XunitV3", package.Version)], Files, isExe: true);

        exitCode.ShouldBe(0, output);
        output.ShouldNotContain("CS0433");
        ShouldHaveRunEveryTest(output);
    }

    [Fact]
    public void Pack_TestingPackage_DependsOnNoTestFramework()
    {
        var nuspec = package.ReadEntry("FeatureFlags.Testing", "FeatureFlags.Testing.nuspec");

        nuspec.ShouldNotContain("<dependency id=\"xunit", Case.Insensitive);
        nuspec.ShouldContain($"<dependency id=\"FeatureFlags\" version=\"[{package.Version}]\"");
    }

    private static void ShouldHaveRunEveryTest(string output)
    {
        // The console logger at normal verbosity lists each test by display name: each matrix case is its own test.
        output.ShouldContain("Passed Consumer.CheckoutTests.Plain_Fact_Runs", Case.Sensitive, output);
        output.ShouldContain("Passed Consumer.CheckoutTests.Matrix_EachCase_Runs(flags: Production)", Case.Sensitive, output);
        output.ShouldContain("Passed Consumer.CheckoutTests.Matrix_EachCase_Runs(flags: Production + NewCheckout on)", Case.Sensitive, output);
        output.ShouldContain("Passed: 3", Case.Sensitive, output);
    }
}
