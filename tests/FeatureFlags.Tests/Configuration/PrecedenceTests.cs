namespace FeatureFlags.Tests.Configuration;

public sealed class PrecedenceTests
{
    [Fact]
    public void IsEnabled_LaterScalarOverEarlierObject_LaterScalarWins()
    {
        var configuration = FlagHarness.Configuration(
            new() { ["FeatureFlags:BetaReports:Enabled"] = "true", ["FeatureFlags:BetaReports:Users:0"] = "alice" },
            new() { ["FeatureFlags:BetaReports"] = "false" });

        var snapshot = FlagHarness.Snapshot(configuration, new EvaluationContext("alice"));

        snapshot.IsEnabled("BetaReports").ShouldBeFalse();
        snapshot.Explain("BetaReports").Reason.ShouldBe(EvaluationReason.Disabled);
    }
}
