using FeatureFlags.Tests.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Configuration;

/// <summary>Bad rules, segments and exclusions stop start-up with the path of each problem; a bad reload keeps the last good flags.</summary>
public sealed class AudienceValidationTests
{
    [Theory]
    [InlineData("Rules:0:When:plan:Inn", "pro", "FeatureFlags:F:Rules:0:When:plan:Inn: unknown operator 'Inn' (did you mean 'In'?)")]
    [InlineData("Rules:0:When:score:GreaterThan", "abc", "FeatureFlags:F:Rules:0:When:score:GreaterThan: 'abc' is not a number")]
    [InlineData("Rules:0:When:v:VersionGreaterThan", "2.x", "FeatureFlags:F:Rules:0:When:v:VersionGreaterThan: '2.x' is not a semantic version")]
    [InlineData("Rules:0:When:t:Before", "31/12/2026", "FeatureFlags:F:Rules:0:When:t:Before: '31/12/2026' is not an ISO 8601 date")]
    [InlineData("Rules:0:When:t:After", "2026-12-31T10:00:00", "FeatureFlags:F:Rules:0:When:t:After: '2026-12-31T10:00:00' is not an ISO 8601 date")]
    [InlineData("Rules:0:When:id:Matches", "([a-z", "FeatureFlags:F:Rules:0:When:id:Matches: is not a valid regular expression")]
    [InlineData("Rules:0:When:id:Matches", "(?=a)b", "FeatureFlags:F:Rules:0:When:id:Matches: uses a construct the non-backtracking engine does not run")]
    [InlineData("Rules:0:When:id:Matches", "(a)\\1", "FeatureFlags:F:Rules:0:When:id:Matches: uses a construct the non-backtracking engine does not run")]
    [InlineData("Rules:0:When:plan:Equals", "", "FeatureFlags:F:Rules:0:When:plan:Equals: must be a string, not empty")]
    [InlineData("Rules:0:Rollout", "150", "FeatureFlags:F:Rules:0:Rollout: 150 is outside 0 to 100")]
    [InlineData("Rules:0:Colour", "blue", "FeatureFlags:F:Rules:0:Colour: unknown property 'Colour'")]
    [InlineData("Rules", "", "FeatureFlags:F:Rules: is empty")]
    [InlineData("Rules:0:When", "", "FeatureFlags:F:Rules:0:When: must be an object of attribute names")]
    [InlineData("Segments", "", "FeatureFlags:F:Segments: is empty")]
    [InlineData("Exclude", "", "FeatureFlags:F:Exclude: must be an object of Users, Groups, Rules and Segments")]
    [InlineData("Exclude:Teams:0", "x", "FeatureFlags:F:Exclude:Teams: unknown property 'Teams'")]
    [InlineData("Exclude:Users", "", "FeatureFlags:F:Exclude:Users: is empty")]
    [InlineData("Segmnets:0", "x", "FeatureFlags:F:Segmnets: unknown property 'Segmnets' (did you mean 'Segments'?)")]
    public void Build_BadRule_ErrorNamesThePath(string path, string value, string expected)
    {
        var settings = new Settings { ["FeatureFlags:F:Enabled"] = "true", [$"FeatureFlags:F:{path}"] = value };

        Problems(settings).ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", Problems(settings)));
    }

    [Fact]
    public void Build_EmptyInList_ErrorNamesThePath()
    {
        var settings = new Settings { ["FeatureFlags:F:Enabled"] = "true", ["FeatureFlags:F:Rules:0:When:plan:In"] = null };

        Problems(settings).ShouldContain(p => p.StartsWith("FeatureFlags:F:Rules:0:When:plan:In: is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RegexLongerThanTheLimit_ErrorNamesTheLength()
    {
        var pattern = new string('a', 300);
        var settings = new Settings { ["FeatureFlags:F:Enabled"] = "true", ["FeatureFlags:F:Rules:0:When:id:Matches"] = pattern };

        Problems(settings).ShouldContain("FeatureFlags:F:Rules:0:When:id:Matches: is a regular expression of 300 characters, more than the 256 allowed [FeatureFlags:F:Rules:0:When:id:Matches in in-memory configuration]");
    }

    [Fact]
    public void Build_UnknownSegment_ErrorNamesTheReferenceAndSuggests()
    {
        var settings = AudienceRuleTests.Flag("F", ("Segments", "BetaTesters"), ("Exclude:Segments", "Nobody"));
        settings["FeatureFlagSegments:BetaTester:Users:0"] = "alice";

        var problems = Problems(settings);

        problems.ShouldContain(p => p.StartsWith("FeatureFlags:F:Segments: names the segment 'BetaTesters', which is not defined (did you mean 'BetaTester'?)", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("FeatureFlags:F:Exclude:Segments: names the segment 'Nobody', which is not defined", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SegmentCycle_ErrorNamesTheChain()
    {
        var settings = AudienceRuleTests.Flag("F", ("Segments", "A"));
        settings["FeatureFlagSegments:A:Segments:0"] = "B";
        settings["FeatureFlagSegments:B:Segments:0"] = "C";
        settings["FeatureFlagSegments:C:Segments:0"] = "A";

        Problems(settings).ShouldContain(p => p.StartsWith("FeatureFlagSegments:A: is part of a cycle of segments: A → B → C → A", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_BadSegment_ErrorNamesItsPath()
    {
        var settings = AudienceRuleTests.Flag("F", ("Segments", "Pro"));
        settings["FeatureFlagSegments:Pro:Rules:0:When:plan:Inside:0"] = "pro";

        Problems(settings).ShouldContain(p => p.StartsWith("FeatureFlagSegments:Pro:Rules:0:When:plan:Inside: unknown operator 'Inside'", StringComparison.Ordinal));
    }

    [Fact]
    public void Reload_BadRule_LastGoodFlagsKept()
    {
        var source = new ReplaceableSource(AudienceRuleTests.Flag("F", ("Rules:0:When:plan:In", "pro")));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Add(source).Build();
        var logs = new LogCapture();
        using var services = FlagHarness.Services(configuration, logs: logs);
        var factory = services.GetRequiredService<IFlagSnapshotFactory>();
        var pro = new EvaluationContext("x", null, new ContextAttribute("plan", "pro"));

        source.Built!.Replace(AudienceRuleTests.Flag("F", ("Rules:0:When:plan:Inn", "pro")));

        factory.CreateSnapshot(pro).IsEnabled("F").ShouldBeTrue();
        logs.WithEventId(1002).ShouldHaveSingleItem().Message.ShouldContain("FeatureFlags:F:Rules:0:When:plan:Inn: unknown operator 'Inn'");
    }

    [Fact]
    public void Reload_RuleChanged_ChangeLogDescribesTheRules()
    {
        var source = new ReplaceableSource(AudienceRuleTests.Flag("F", ("Rules:0:When:plan:In", "pro")));
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Add(source).Build();
        var logs = new LogCapture();
        using var services = FlagHarness.Services(configuration, logs: logs);
        services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        source.Built!.Replace(AudienceRuleTests.Flag("F", ("Rules:0:When:plan:In", "pro|max"), ("Rules:0:When:appVersion:VersionGreaterThanOrEqual", "2.3"), ("Exclude:Groups", "legal-hold")));

        logs.WithEventId(1001).ShouldHaveSingleItem().Message.ShouldStartWith(
            "Feature flag F changed from { Enabled: true, Rules: [plan In [pro]] } to { Enabled: true, Rules: [appVersion VersionGreaterThanOrEqual 2.3.0 and plan In [pro, max]], Exclude: { Groups: [legal-hold] } }");
    }

    private static IReadOnlyList<string> Problems(Settings settings) =>
        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(settings)).Problems;
}
