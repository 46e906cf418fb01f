using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FeatureFlags.Tables;

namespace FeatureFlags.Tests.Configuration;

/// <summary>An allow-list given empty means "targeted, nobody listed": removing the last user never releases a flag.</summary>
public sealed class EmptyAllowListTests
{
    [Fact]
    public void IsEnabled_LaterFileEmptiesTheUserList_OffForEverybody()
    {
        using var directory = new TempDirectory();
        directory.Write("a.json", """{ "FeatureFlags": { "F": { "Users": ["alice"] } } }""");
        directory.Write("b.json", """{ "FeatureFlags": { "F": { "Users": [] } } }""");
        var configuration = new ConfigurationBuilder().SetBasePath(directory.Path).AddJsonFile("a.json").AddJsonFile("b.json").Build();

        foreach (var user in new[] { "alice", "bob" })
        {
            var evaluation = FlagHarness.Snapshot(configuration, new EvaluationContext(user)).Explain("F");
            evaluation.IsEnabled.ShouldBeFalse(user);
            evaluation.Reason.ShouldBe(EvaluationReason.NotTargeted);
        }
    }

    [Theory]
    [InlineData("Users")]
    [InlineData("Groups")]
    public void IsEnabled_EmptyStringAllowList_OffForEveryOneOfAThousandUsers(string property)
    {
        var configuration = FlagHarness.Configuration(new Settings { [$"FeatureFlags:F:{property}"] = string.Empty });
        var factory = FlagHarness.Services(configuration).GetRequiredService<IFlagSnapshotFactory>();

        Enumerable.Range(0, 1000)
            .Count(i => factory.CreateSnapshot(new EvaluationContext($"user-{i}", ["beta"])).IsEnabled("F"))
            .ShouldBe(0);
    }

    [Fact]
    public void IsEnabled_EmptyUserListWithGroupsAndRollout_GroupsAndRolloutStillDecide()
    {
        var snapshot = (string user, string group) => FlagHarness.Snapshot(
            new Settings { ["FeatureFlags:F:Users"] = string.Empty, ["FeatureFlags:F:Groups:0"] = "beta", ["FeatureFlags:F:Rollout"] = "100" },
            new EvaluationContext(user, [group]));

        snapshot("bob", "beta").Explain("F").Reason.ShouldBe(EvaluationReason.TargetedGroup);
        snapshot("bob", "other").Explain("F").Reason.ShouldBe(EvaluationReason.Rollout);
    }

    [Fact]
    public void IsEnabled_JsonNullUserList_IsAnEmptyListNotEverybody()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream("""{ "FeatureFlags": { "F": { "Users": null } } }"""u8.ToArray()))
            .Build();

        FlagHarness.Snapshot(configuration, new EvaluationContext("bob")).IsEnabled("F").ShouldBeFalse();
    }

    [Fact]
    public void FlagChanged_LastUserRemoved_LogsAnEmptyListNotEverybody()
    {
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags:F:Users:0"] = "alice" }, []);
        var logs = new LogCapture();
        var provider = FlagHarness.Services(configuration, logs: logs).GetRequiredService<FeatureFlags.Tables.FlagTableProvider>();

        configuration.Providers.Last().Set("FeatureFlags:F:Users", string.Empty);
        configuration.Reload();

        logs.WithEventId(1001).ShouldHaveSingleItem().Message.ShouldContain("to { Enabled: true, Users: none }");
        provider.Current.Find("F")!.State.ShouldBe(FeatureFlags.Tables.FlagState.Dynamic);
    }
}
