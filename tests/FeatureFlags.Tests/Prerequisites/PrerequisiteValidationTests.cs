using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Prerequisites;

/// <summary>Unknown prerequisites, unknown variants and cycles stop start-up naming the chain; a bad reload keeps the last good flags.</summary>
public sealed class PrerequisiteValidationTests
{
    [Theory]
    [InlineData("""{ "A": { "Requires": ["Paymnets"] }, "Payments": true }""", "FeatureFlags:A:Requires:0: requires the flag 'Paymnets', which is neither configured nor declared (did you mean 'Payments'?)")]
    [InlineData("""{ "A": { "Requires": ["B"] }, "B": { "Requires": ["A"] } }""", "FeatureFlags:A:Requires: is part of a cycle of prerequisites: A → B → A; a flag may not require itself")]
    [InlineData("""{ "A": { "Requires": ["A"] } }""", "FeatureFlags:A:Requires: is part of a cycle of prerequisites: A → A")]
    [InlineData("""{ "A": { "Requires": ["B"] }, "B": { "Requires": ["C"] }, "C": { "Requires": { "A": true } } }""", "FeatureFlags:A:Requires: is part of a cycle of prerequisites: A → B → C → A")]
    [InlineData("""{ "A": { "Requires": { "Exp": "gren" } }, "Exp": { "Variants": { "blue": 1, "green": 1 } } }""", "FeatureFlags:A:Requires:Exp: requires the variant 'gren' of 'Exp', which has only blue, green (did you mean 'green'?)")]
    [InlineData("""{ "A": { "Requires": { "B": "green" } }, "B": true }""", "FeatureFlags:A:Requires:B: requires the variant 'green' of 'B', which has no variants")]
    [InlineData("""{ "A": { "Requires": "B" } }""", "FeatureFlags:A:Requires: must be a list of flag names")]
    [InlineData("""{ "A": { "Requires": [] } }""", "FeatureFlags:A:Requires: is empty: give a list of flag names")]
    [InlineData("""{ "A": { "Requires": [{ "B": true }] }, "B": true }""", "FeatureFlags:A:Requires:0: must be a flag name, not an object or a list")]
    [InlineData("""{ "A": { "Requires": ["B", "b"] }, "B": true }""", "FeatureFlags:A:Requires:1: requires 'b' twice")]
    [InlineData("""{ "A": { "Requires": ["B c"] } }""", "FeatureFlags:A:Requires:0: 'B c' is not a valid flag name")]
    public void Build_BadRequires_ErrorNamesThePathOrChain(string flags, string expected)
    {
        var problems = ScheduleHost.Problems(flags);

        problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Fact]
    public void Build_RequiresVariantOfDeclaredUnconfiguredFlag_IsAnError()
    {
        var problems = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(
            ScheduleHost.Json("""{ "FeatureFlags": { "A": { "Requires": { "Recommendations": "green" } } } }"""),
            build: b => b.AddCatalog<TestCatalog>())).Problems;

        problems.ShouldContain(p => p.StartsWith("FeatureFlags:A:Requires:Recommendations: requires the variant 'green' of 'Recommendations', which configuration gives no variants", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_IntroducesCycle_KeepsTheLastGoodFlags()
    {
        var source = new ReplaceableSource(new Settings { ["FeatureFlags:A:Requires:0"] = "B", ["FeatureFlags:B"] = "true" });
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Add(source).Build();
        var logs = new LogCapture();
        using var services = FlagHarness.Services(configuration, logs: logs);
        var factory = services.GetRequiredService<IFlagSnapshotFactory>();

        source.Built!.Replace(new Settings { ["FeatureFlags:A:Requires:0"] = "B", ["FeatureFlags:B:Requires:0"] = "A" });

        factory.CreateSnapshot().IsEnabled("A").ShouldBeTrue();
        logs.WithEventId(1002).ShouldHaveSingleItem().Message.ShouldContain("is part of a cycle of prerequisites: A → B → A");
    }
}
