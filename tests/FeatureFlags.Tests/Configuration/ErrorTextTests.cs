using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FeatureFlags.Tables;

namespace FeatureFlags.Tests.Configuration;

/// <summary>What problems say: the expected shape and the path, never a user id, never a megabyte of input.</summary>
public sealed class ErrorTextTests
{
    [Theory]
    [InlineData("""{ "FeatureFlags": { "F": { "Users": "scalar-secret-id" } } }""")]
    [InlineData("""{ "FeatureFlags": { "F": { "Users": { "keyed-secret-id": "true" } } } }""")]
    [InlineData("""{ "FeatureFlags": { "F": { "Users": [ { "nested-secret-id": 1 } ] } } }""")]
    public void Build_MalformedUsers_ProblemNeverQuotesAnId(string json)
    {
        var exception = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(Json(json)));

        exception.Message.ShouldNotContain("secret-id");
        exception.Message.ShouldContain("FeatureFlags:F:Users");
    }

    [Fact]
    public void Reload_MalformedUsers_RejectionLogNeverQuotesAnId()
    {
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags:F"] = "true" }, []);
        var logs = new LogCapture();
        var factory = FlagHarness.Services(configuration, logs: logs).GetRequiredService<IFlagSnapshotFactory>();

        configuration.Providers.Last().Set("FeatureFlags:F:Users:keyed-secret-id", "true");
        configuration.Reload();

        var rejection = logs.WithEventId(1002).ShouldHaveSingleItem().Message;
        rejection.ShouldContain("FeatureFlags:F:Users: must be a list of strings");
        rejection.ShouldNotContain("secret-id");
        factory.CreateSnapshot().IsEnabled("F").ShouldBeTrue();
    }

    [Theory]
    [InlineData("FeatureFlags:F")]
    [InlineData("FeatureFlags:F:Rollout")]
    [InlineData("FeatureFlags:F:Variants:blue")]
    public void Build_HugeValue_QuotesAShortPrefixWithTheLength(string key)
    {
        var huge = new string('x', 1_000_000);

        var problem = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(new Settings { [key] = huge })).Problems.ShouldHaveSingleItem();

        problem.Length.ShouldBeLessThan(400);
        problem.ShouldContain("'" + new string('x', 64) + "…' (1,000,000 characters)");
    }

    [Fact]
    public void Build_HugeFlagName_PathAndMessageShortened()
    {
        var name = new string('n', 100_000) + "$";

        var problem = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(new Settings { ["FeatureFlags:" + name] = "true" })).Problems.ShouldHaveSingleItem();

        problem.ShouldContain("(100,001 characters)");
        problem.Length.ShouldBeLessThan(800);
    }

    [Theory]
    [InlineData("1e1", 10.0)]
    [InlineData("2.5E1", 25.0)]
    [InlineData(" 12.5 ", 12.5)]
    public void Build_RolloutInJsonNumberForms_IsAccepted(string rollout, double expected)
    {
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags:F:Rollout"] = rollout });
        var provider = FlagHarness.Services(configuration).GetRequiredService<FeatureFlags.Tables.FlagTableProvider>();

        provider.Current.Find("F")!.Spec!.Rollout.ShouldBe(expected);
    }

    [Fact]
    public void Build_VariantWeightsInExponentForm_AreAccepted()
    {
        var snapshot = FlagHarness.Snapshot(
            new Settings { ["FeatureFlags:F:Variants:blue"] = "1e308", ["FeatureFlags:F:Variants:green"] = "0" },
            new EvaluationContext("alice"));

        snapshot.GetVariant("F").ShouldBe("blue");
    }

    [Theory]
    [InlineData(" true ", true)]
    [InlineData("\tFALSE\n", false)]
    public void Build_BooleanWithSurroundingWhiteSpace_TrimmedAsNumbersAre(string value, bool expected)
    {
        FlagHarness.Snapshot(new Settings { ["FeatureFlags:F"] = value }).IsEnabled("F").ShouldBe(expected);
        FlagHarness.Snapshot(new Settings { ["FeatureFlags:G:Enabled"] = value }).IsEnabled("G").ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{ "Variants": ["blue", "green"] }""", "FeatureFlags:F:Variants: must be an object of variant names and weights, such as { \"blue\": 50, \"green\": 50 }, or of names and { \"Weight\": 50, \"Value\": … }, not a list")]
    [InlineData("""{ "Variants": "blue" }""", "FeatureFlags:F:Variants: must be an object of variant names and weights, such as { \"blue\": 50, \"green\": 50 }, or of names and { \"Weight\": 50, \"Value\": … }, not a single value")]
    [InlineData("""{ "Variants": { "blue": [1] } }""", "FeatureFlags:F:Variants:blue: must be a weight, or an object of Weight and Value, not a list")]
    [InlineData("""{ "Variants": { "blue": { "Value": 1 } } }""", "FeatureFlags:F:Variants:blue: needs a Weight")]
    [InlineData("""{ "Variants": { "blue": { "Weight": { "x": 1 } } } }""", "FeatureFlags:F:Variants:blue:Weight: weight must be a number, not an object or a list")]
    [InlineData("""{ "Variants": { "blue": { "Weight": 1, "Colour": "b" } } }""", "FeatureFlags:F:Variants:blue:Colour: unknown property 'Colour'")]
    [InlineData("""{ "Users": [ { "id": "x" } ] }""", "FeatureFlags:F:Users:0: must be a string, not an object or a list")]
    [InlineData("""{ "Groups": [ ["beta"] ] }""", "FeatureFlags:F:Groups:0: must be a string, not an object or a list")]
    [InlineData("""{ "Users": "alice" }""", "FeatureFlags:F:Users: must be a list of strings, such as [\"a\", \"b\"], not a single value")]
    [InlineData("""{ "Enabled": [true] }""", "FeatureFlags:F:Enabled: must be true or false, not an object or a list")]
    [InlineData("""{ "Rollout": { "Value": 5 } }""", "FeatureFlags:F:Rollout: must be a percentage from 0 to 100, not an object or a list")]
    public void Build_WrongShape_SaysWhatWasExpected(string flag, string expected)
    {
        var problem = Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(Json($$"""{ "FeatureFlags": { "F": {{flag}} } }""")))
            .Problems.ShouldHaveSingleItem();

        problem.ShouldStartWith(expected);
    }

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();
}
