namespace FeatureFlags.Package.Tests;

/// <summary>
/// The mission, end to end: a project that only adds the FeatureFlags package by version gets the
/// generator and the expiry rule in its build.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFixture package)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public void Build_FlagExpiringInTheFuture_Succeeds()
    {
        var (exitCode, output) = package.BuildConsumer("NewCheckout", Today.AddDays(365));

        exitCode.ShouldBe(0, output);
        ErrorLines(output, "FF0001").ShouldBeEmpty();
        // The code-fix assembly references Workspaces, which the compiler lacks: it must not try to load it.
        output.ShouldNotContain("CS8032");
        output.ShouldNotContain("CS8034");
    }

    [Fact]
    public void Build_ExpiredFlag_FailsWithFF0001NamingTheFlag()
    {
        var (exitCode, output) = package.BuildConsumer("OldCheckout", Today.AddDays(-30));

        exitCode.ShouldNotBe(0, output);
        ErrorLines(output, "FF0001").ShouldContain(line => line.Contains("OldCheckout", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Build_ExpiredFlagWithFeatureFlagsTodayBeforeExpiry_Succeeds()
    {
        var expires = Today.AddDays(-30);

        var (exitCode, output) = package.BuildConsumer("OldCheckout", expires, today: expires.AddDays(-1));

        exitCode.ShouldBe(0, output);
        ErrorLines(output, "FF0001").ShouldBeEmpty();
        // The pinned day is inside the warning window: the rules really read the pinned date.
        output.ShouldContain("warning FF0002");
    }

    [Fact]
    public void Build_FutureFlagWithFeatureFlagsTodayAfterExpiry_FailsWithFF0001()
    {
        var expires = Today.AddDays(365);

        var (exitCode, output) = package.BuildConsumer("NewCheckout", expires, today: expires.AddDays(1));

        exitCode.ShouldNotBe(0, output);
        ErrorLines(output, "FF0001").ShouldContain(line => line.Contains("NewCheckout", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Build_AppSettingsWithBadValue_WarnsFF0006InTheJsonFile()
    {
        // The package's buildTransitive targets hand appsettings*.json to the analyzers without any setup.
        var (exitCode, output) = package.BuildConsumer("NewCheckout", Today.AddDays(365), settingsValue: "\"ture\"");

        exitCode.ShouldBe(0, output);
        output.Split('\n').ShouldContain(line => line.Contains("appsettings.json", StringComparison.Ordinal) && line.Contains("warning FF0006", StringComparison.Ordinal), output);
    }

    [Fact]
    public void Build_SectionNamePropertyAndBadValueInThatSection_WarnsFF0006WithTheSectionPath()
    {
        var (exitCode, output) = package.BuildConsumer("NewCheckout", Today.AddDays(365), settingsValue: "\"ture\"", sectionName: "Toggles");

        exitCode.ShouldBe(0, output);
        output.Split('\n').ShouldContain(line => line.Contains("warning FF0006", StringComparison.Ordinal) && line.Contains("Toggles:NewCheckout", StringComparison.Ordinal), output);
    }

    private static List<string> ErrorLines(string output, string id) =>
        output.Split('\n').Where(line => line.Contains($"error {id}", StringComparison.Ordinal)).ToList();
}
