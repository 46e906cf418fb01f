using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Tests.Evaluation;

/// <summary>
/// <see cref="FlagEvaluation.DecidingSource"/>: of a flag's sources, the key that decided this context's value,
/// even when other keys of the flag's object were read after it.
/// </summary>
public sealed class DecidingSourceTests
{
    private static readonly Settings BetaReports = new()
    {
        ["FeatureFlags:BetaReports:Enabled"] = "true",
        ["FeatureFlags:BetaReports:Groups:0"] = "beta-testers",
        ["FeatureFlags:BetaReports:Rollout"] = "100",
        ["FeatureFlags:BetaReports:Users:0"] = "alice",
    };

    [Theory]
    [InlineData("alice", null, EvaluationReason.TargetedUser, "FeatureFlags:BetaReports:Users")]
    [InlineData("bob", "beta-testers", EvaluationReason.TargetedGroup, "FeatureFlags:BetaReports:Groups")]
    [InlineData("carol", null, EvaluationReason.Rollout, "FeatureFlags:BetaReports:Rollout")]
    public void DecidingSource_TargetingReason_IsTheKeyThatDecided(string key, string? group, EvaluationReason reason, string expectedKey)
    {
        var context = new EvaluationContext(key, group is null ? [] : [group]);

        var evaluation = FlagHarness.Snapshot(BetaReports, context).Explain("BetaReports");

        evaluation.Reason.ShouldBe(reason);
        evaluation.Sources.Count.ShouldBeGreaterThan(1);
        evaluation.DecidingSource.ShouldNotBeNull().Key.ShouldBe(expectedKey);
    }

    [Fact]
    public void DecidingSource_EnabledFalseBeforeUsers_IsTheEnabledKey()
    {
        var evaluation = FlagHarness.Snapshot(new Settings
        {
            ["FeatureFlags:BetaReports:Enabled"] = "false",
            ["FeatureFlags:BetaReports:Users:0"] = "alice",
        }, new EvaluationContext("alice")).Explain("BetaReports");

        evaluation.Reason.ShouldBe(EvaluationReason.Disabled);
        evaluation.Sources[^1].Key.ShouldBe("FeatureFlags:BetaReports:Users");
        evaluation.DecidingSource.ShouldNotBeNull().Key.ShouldBe("FeatureFlags:BetaReports:Enabled");
    }

    [Fact]
    public void DecidingSource_ShorthandFalseUnderLaterUsers_IsTheFlagKey()
    {
        var configuration = FlagHarness.Configuration(
            new Settings { ["FeatureFlags:BetaReports"] = "false" },
            new Settings { ["FeatureFlags:BetaReports:Users:0"] = "alice" });

        var evaluation = FlagHarness.Snapshot(configuration, new EvaluationContext("bob")).Explain("BetaReports");

        evaluation.Reason.ShouldBe(EvaluationReason.Disabled);
        evaluation.DecidingSource.ShouldNotBeNull().Key.ShouldBe("FeatureFlags:BetaReports");
    }

    [Fact]
    public void Note_ShorthandFalseUnderLaterUsers_SaysThePlainFalseDecided()
    {
        using var directory = new TempDirectory();
        directory.Write("appsettings.json", """{ "FeatureFlags": { "AdminTools": false } }""");
        directory.Write("appsettings.Development.json", """{ "FeatureFlags": { "AdminTools": { "Users": ["alice"] } } }""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(directory.Path, "appsettings.json"))
            .AddJsonFile(Path.Combine(directory.Path, "appsettings.Development.json"))
            .Build();

        var evaluation = FlagHarness.Snapshot(configuration, new EvaluationContext("alice")).Explain("AdminTools");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.Note.ShouldBe(
            "the plain false at FeatureFlags:AdminTools in appsettings.json counts as Enabled: false under the properties that later sources add "
            + "(FeatureFlags:AdminTools:Users in appsettings.Development.json); set Enabled there to turn the flag on");
        evaluation.ToString().ShouldEndWith(evaluation.Note!);
    }

    [Theory]
    [InlineData("FeatureFlags:F", "false")]
    [InlineData("FeatureFlags:F:Enabled", "false")]
    [InlineData("FeatureFlags:F:Users:0", "bob")]
    public void Note_NoSurprisingRuleDecided_IsNull(string key, string value)
    {
        FlagHarness.Snapshot(new Settings { [key] = value, ["FeatureFlags:G"] = "true" }, new EvaluationContext("alice")).Explain("F").Note.ShouldBeNull();
    }

    [Fact]
    public void DecidingSource_Static_IsTheLastSource()
    {
        var evaluation = FlagHarness.Snapshot(new Settings { ["FeatureFlags:NewCheckout"] = "true" }).Explain("NewCheckout");

        evaluation.DecidingSource.ShouldBeSameAs(evaluation.Sources[^1]);
    }

    [Fact]
    public void DecidingSource_NoConfiguration_IsNull()
    {
        var evaluation = FlagHarness.Snapshot(new Settings()).Explain("NewCheckout");

        evaluation.Sources.ShouldBeEmpty();
        evaluation.DecidingSource.ShouldBeNull();
    }

    [Theory]
    [InlineData("alice", null, "true", EvaluationReason.TargetedUser, "Users")]
    [InlineData("bob", "beta-testers", "true", EvaluationReason.TargetedGroup, "Groups")]
    [InlineData("carol", null, "true", EvaluationReason.Rollout, "Rollout")]
    [InlineData("alice", null, "false", EvaluationReason.Disabled, "Enabled")]
    public void DecidingSource_KeysThatNameNoProperty_ReadFromTheValidatedProperty(string key, string? group, string enabled, EvaluationReason reason, string property)
    {
        // A source may name its keys any way it likes (etcd keys, vault ids): the deciding key is the one validation
        // recorded for the property, never found by matching key text.
        var settings = new Settings(BetaReports) { ["FeatureFlags:BetaReports:Enabled"] = enabled };
        var configuration = new ConfigurationBuilder().Add(new OpaqueKeysSource(settings)).Build();

        var evaluation = FlagHarness.Snapshot(configuration, new EvaluationContext(key, group is null ? [] : [group])).Explain("BetaReports");

        evaluation.Reason.ShouldBe(reason);
        evaluation.DecidingSource.ShouldNotBeNull().Key.ShouldBe(OpaqueKeysSource.KeyOf("FeatureFlags:BetaReports:" + property));
    }

    private sealed class OpaqueKeysSource(Settings settings) : IConfigurationSource
    {
        public static string KeyOf(string path) => "key#" + StringComparer.OrdinalIgnoreCase.GetHashCode(path).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(settings);

        private sealed class Provider : ConfigurationProvider, IConfigurationProvenance
        {
            public Provider(Settings settings)
            {
                foreach (var (key, value) in settings)
                {
                    Data[key] = value;
                }
            }

            public string SourceName => "opaque store";

            string IConfigurationProvenance.KeyOf(string path) => OpaqueKeysSource.KeyOf(path);
        }
    }
}
