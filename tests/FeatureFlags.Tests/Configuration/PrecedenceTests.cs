using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeatureFlags.Tests.Configuration;

/// <summary>
/// The documented precedence, through a real host: appsettings.json, then appsettings.{Environment}.json,
/// then environment variables. Variables carry a per-test prefix so tests never share process state.
/// </summary>
public sealed class PrecedenceTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _prefix = $"FFTEST{Guid.NewGuid():N}_";
    private readonly List<string> _variables = [];

    [Fact]
    public async Task Host_BaseObjectAndProductionFalse_FlagIsOff()
    {
        _directory.Write("appsettings.json", """{ "FeatureFlags": { "BetaReports": { "Enabled": true, "Users": [ "alice" ], "Rollout": 100 } } }""");
        _directory.Write("appsettings.Production.json", """{ "FeatureFlags": { "BetaReports": false } }""");

        var evaluation = (await SnapshotAsync("Production", new EvaluationContext("alice"))).Explain("BetaReports");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.Reason.ShouldBe(EvaluationReason.Disabled);
        evaluation.Sources.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            s => s.Provider.ShouldBe("appsettings.Production.json"),
            s => s.Key.ShouldBe("FeatureFlags:BetaReports"));
    }

    [Fact]
    public async Task Host_FeatureManagementBaseFiltersAndProductionFalse_FiltersStillDecideAsThatLibraryReadsThem()
    {
        // Microsoft.FeatureManagement's section merges key by key, as that library reads it: false beside filters leaves them.
        _directory.Write("appsettings.json", """{ "FeatureManagement": { "Beta": { "EnabledFor": [ { "Name": "Microsoft.Targeting", "Parameters": { "Audience": { "Users": [ "alice" ] } } } ] } } }""");
        _directory.Write("appsettings.Production.json", """{ "FeatureManagement": { "Beta": false } }""");
        SetVariable("FeatureManagement__Beta__EnabledFor__0__Parameters__Audience__DefaultRolloutPercentage", "100");

        var alice = (await SnapshotAsync("Production", new EvaluationContext("alice"), featureManagement: true)).Explain("Beta");
        var bob = (await SnapshotAsync("Production", new EvaluationContext("bob"), featureManagement: true)).Explain("Beta");

        (alice.IsEnabled, alice.Reason, bob.IsEnabled, bob.Reason).ShouldBe((true, EvaluationReason.TargetedUser, true, EvaluationReason.Rollout));
        alice.Sources.Select(s => s.Provider).ShouldBe(["appsettings.json", "appsettings.Production.json", "environment variables"]);
    }

    [Fact]
    public async Task Host_BaseTrueAndVariableRolloutZero_PropertyMergesIntoEnabledAndTurnsEveryoneOff()
    {
        _directory.Write("appsettings.json", """{ "FeatureFlags": { "NewCheckout": true } }""");
        SetVariable("FeatureFlags__NewCheckout__Rollout", "0");

        var snapshot = await SnapshotAsync("Production", new EvaluationContext("alice"));
        var evaluation = snapshot.Explain("NewCheckout");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.Reason.ShouldBe(EvaluationReason.Rollout);
        evaluation.Sources.Select(s => s.Provider).ShouldBe(["appsettings.json", "environment variables"]);
        evaluation.Sources[1].Key.ShouldBe(_prefix + "FeatureFlags__NewCheckout__Rollout");
    }

    [Fact]
    public async Task Host_VariableFalse_BeatsEveryFile()
    {
        _directory.Write("appsettings.json", """{ "FeatureFlags": { "NewCheckout": { "Enabled": true, "Groups": [ "staff" ] } } }""");
        _directory.Write("appsettings.Production.json", """{ "FeatureFlags": { "NewCheckout": true } }""");
        SetVariable("FeatureFlags__NewCheckout", "false");

        var evaluation = (await SnapshotAsync("Production", new EvaluationContext("bob", ["staff"]))).Explain("NewCheckout");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.Sources.ShouldHaveSingleItem().ToString().ShouldBe($"{_prefix}FeatureFlags__NewCheckout in environment variables");
    }

    [Fact]
    public async Task Host_EnvironmentFileObjectOverBaseTrue_ObjectPropertiesApply()
    {
        _directory.Write("appsettings.json", """{ "FeatureFlags": { "NewCheckout": true } }""");
        _directory.Write("appsettings.Development.json", """{ "FeatureFlags": { "NewCheckout": { "Users": [ "alice" ] } } }""");

        var development = await SnapshotAsync("Development", new EvaluationContext("bob"));
        var production = await SnapshotAsync("Production", new EvaluationContext("bob"));

        development.Explain("NewCheckout").Reason.ShouldBe(EvaluationReason.NotTargeted);
        production.IsEnabled("NewCheckout").ShouldBeTrue();
    }

    [Fact]
    public async Task Host_LaterListReplacesEarlierList_ItemsAreNotMergedByIndex()
    {
        _directory.Write("appsettings.json", """{ "FeatureFlags": { "BetaReports": { "Users": [ "alice", "bob" ] } } }""");
        _directory.Write("appsettings.Production.json", """{ "FeatureFlags": { "BetaReports": { "Users": [ "carol" ] } } }""");

        var bob = await SnapshotAsync("Production", new EvaluationContext("bob"));
        var carol = await SnapshotAsync("Production", new EvaluationContext("carol"));

        bob.IsEnabled("BetaReports").ShouldBeFalse();
        carol.IsEnabled("BetaReports").ShouldBeTrue();
    }

    [Fact]
    public void Snapshot_KeysDifferOnlyInCase_AreOneFlag()
    {
        var configuration = FlagHarness.Configuration(
            new Settings { ["FeatureFlags:NewCheckout"] = "true" },
            new Settings { ["featureflags:newcheckout"] = "false" });

        var snapshot = FlagHarness.Snapshot(configuration);

        snapshot.IsEnabled("NEWCHECKOUT").ShouldBeFalse();
        snapshot.ExplainAll().ShouldHaveSingleItem();
    }

    [Fact]
    public void Snapshot_ConfigurationSectionInsteadOfRoot_ReadsMergedView()
    {
        var root = FlagHarness.Configuration(new Settings { ["App:FeatureFlags:NewCheckout"] = "true" });

        var snapshot = FlagHarness.Snapshot(root.GetSection("App"));

        var evaluation = snapshot.Explain("NewCheckout");
        evaluation.IsEnabled.ShouldBeTrue();
        evaluation.Sources.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            source => source.Provider.ShouldBe("configuration"),
            source => source.Key.ShouldBe("App:FeatureFlags:NewCheckout"));
    }

    [Fact]
    public void Snapshot_FlagsSectionItselfInsteadOfRoot_ReadsItsFlags()
    {
        var root = FlagHarness.Configuration(new Settings
        {
            ["FeatureFlags:NewCheckout"] = "true",
            ["FeatureFlags:BetaReports:Enabled"] = "true",
            ["FeatureFlags:BetaReports:Users:0"] = "alice",
        });

        var snapshot = FlagHarness.Snapshot(root.GetSection("FeatureFlags"), new EvaluationContext("alice"));

        snapshot.Explain("NewCheckout").ShouldSatisfyAllConditions(
            e => e.IsEnabled.ShouldBeTrue(),
            e => e.Reason.ShouldBe(EvaluationReason.Static),
            e => e.Sources.ShouldHaveSingleItem().Key.ShouldBe("FeatureFlags:NewCheckout"));
        snapshot.Explain("BetaReports").Reason.ShouldBe(EvaluationReason.TargetedUser);
    }

    [Fact]
    public void Snapshot_NestedFlagsSectionItself_ReadsItsFlags()
    {
        var root = FlagHarness.Configuration(new Settings { ["App:FeatureFlags:NewCheckout"] = "true" });

        var snapshot = FlagHarness.Snapshot(root.GetSection("App:FeatureFlags"));

        snapshot.Explain("NewCheckout").ShouldSatisfyAllConditions(
            e => e.IsEnabled.ShouldBeTrue(),
            e => e.Sources.ShouldHaveSingleItem().Key.ShouldBe("App:FeatureFlags:NewCheckout"));
    }

    [Fact]
    public void Snapshot_SectionHoldingAFlagsSectionOfTheSameName_ReadsTheInnerOne()
    {
        var root = FlagHarness.Configuration(new Settings { ["App:FeatureFlags:FeatureFlags:NewCheckout"] = "true" });

        var snapshot = FlagHarness.Snapshot(root.GetSection("App:FeatureFlags"));

        snapshot.IsEnabled("NewCheckout").ShouldBeTrue();
    }

    [Fact]
    public void Snapshot_FlagsSectionItself_FollowsReloads()
    {
        var root = FlagHarness.Configuration(new Settings { ["FeatureFlags:NewCheckout"] = "true" });
        using var services = FlagHarness.Services(root.GetSection("FeatureFlags"));
        var factory = services.GetRequiredService<IFlagSnapshotFactory>();
        factory.CreateSnapshot(EvaluationContext.Empty).IsEnabled("NewCheckout").ShouldBeTrue();

        root["FeatureFlags:NewCheckout"] = "false";
        root.Reload();

        factory.CreateSnapshot(EvaluationContext.Empty).IsEnabled("NewCheckout").ShouldBeFalse();
    }

    public void Dispose()
    {
        foreach (var variable in _variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        _directory.Dispose();
    }

    private void SetVariable(string name, string value)
    {
        _variables.Add(_prefix + name);
        Environment.SetEnvironmentVariable(_prefix + name, value);
    }

    private async Task<IFlagSnapshot> SnapshotAsync(string environment, EvaluationContext context, bool featureManagement = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = _directory.Path,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables(_prefix);
        var flags = builder.Services.AddFeatureFlags(builder.Configuration);
        if (featureManagement)
        {
            flags.AddMicrosoftFeatureManagementFlags();
        }

        using var host = builder.Build();
        await host.StartAsync();
        var snapshot = host.Services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(context);
        await host.StopAsync();
        return snapshot;
    }
}
