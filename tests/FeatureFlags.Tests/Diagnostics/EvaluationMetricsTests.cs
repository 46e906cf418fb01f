namespace FeatureFlags.Tests.Diagnostics;

public sealed class EvaluationMetricsTests
{
    private static readonly Settings Flags = new()
    {
        ["FeatureFlags:NewCheckout"] = "true",
        ["FeatureFlags:Legacy"] = "false",
        ["FeatureFlags:Beta:Users:0"] = "alice",
        ["FeatureFlags:Button:Variants:blue"] = "50",
        ["FeatureFlags:Button:Variants:green"] = "50",
        ["FeatureFlags:Rollout:Rollout"] = "50",
    };

    [Fact]
    public void CreateSnapshot_CounterListening_CountsEachFlagOnceAtItsFirstRead()
    {
        using var host = new TelemetryHost(Flags);
        using var evaluations = host.Collect<long>("featureflags.evaluations");
        var snapshot = host.Snapshots.CreateSnapshot(new EvaluationContext("alice"));

        var variant = snapshot.GetVariant("Button");
        for (var i = 0; i < 3; i++)
        {
            snapshot.IsEnabled("NewCheckout").ShouldBeTrue();
            snapshot.IsEnabled(new FlagKey("NewCheckout")).ShouldBeTrue();
            snapshot.IsEnabled("Beta").ShouldBeTrue();
            snapshot.IsEnabled("Legacy").ShouldBeFalse();
            snapshot.GetVariant("Button").ShouldBe(variant);
        }

        var measurements = evaluations.GetMeasurementSnapshot();
        measurements.Count.ShouldBe(4);
        measurements.ShouldAllBe(m => m.Value == 1);
        Tags(measurements, "NewCheckout").ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "NewCheckout", ["feature_flag.result.value"] = true, ["feature_flag.result.reason"] = "static",
        });
        Tags(measurements, "Legacy").ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Legacy", ["feature_flag.result.value"] = false, ["feature_flag.result.reason"] = "disabled",
        });
        Tags(measurements, "Beta").ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Beta", ["feature_flag.result.value"] = true, ["feature_flag.result.reason"] = "targeting_match",
        });
        Tags(measurements, "Button").ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Button", ["feature_flag.result.variant"] = variant, ["feature_flag.result.reason"] = "split",
        });
    }

    [Fact]
    public void CreateSnapshot_NobodyListeningAtCreation_ItsReadsAreNeverRecorded()
    {
        using var host = new TelemetryHost(Flags);
        var unobserved = host.Snapshots.CreateSnapshot();
        using var evaluations = host.Collect<long>("featureflags.evaluations");

        unobserved.IsEnabled("NewCheckout").ShouldBeTrue();
        evaluations.GetMeasurementSnapshot().ShouldBeEmpty();

        host.Snapshots.CreateSnapshot().IsEnabled("NewCheckout").ShouldBeTrue();
        evaluations.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["feature_flag.key"].ShouldBe("NewCheckout");
    }

    [Theory]
    [InlineData("carol")]
    [InlineData("dave")]
    [InlineData("erin")]
    public void IsEnabled_Rollout_CountsTheValueServedAsSplit(string user)
    {
        using var host = new TelemetryHost(Flags);
        using var evaluations = host.Collect<long>("featureflags.evaluations");

        var enabled = host.Snapshots.CreateSnapshot(new EvaluationContext(user)).IsEnabled("Rollout");

        var tags = evaluations.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags;
        tags["feature_flag.result.value"].ShouldBe(enabled);
        tags["feature_flag.result.reason"].ShouldBe("split");
    }

    [Fact]
    public void IsEnabled_UnknownFlag_CountedAsFlagNotFoundWithoutItsName()
    {
        using var host = new TelemetryHost(Flags);
        using var evaluations = host.Collect<long>("featureflags.evaluations");

        host.Snapshots.CreateSnapshot().IsEnabled("NewChekout").ShouldBeFalse();

        evaluations.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags.ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.result.value"] = false, ["feature_flag.result.reason"] = "error", ["error.type"] = "flag_not_found",
        });
    }

    [Fact]
    public void IsEnabled_StrictModeUnknownFlag_RecordedBeforeItThrows()
    {
        using var host = new TelemetryHost(Flags, options => options.ThrowOnUnknownFlags = true);
        using var evaluations = host.Collect<long>("featureflags.evaluations");

        Should.Throw<KeyNotFoundException>(() => host.Snapshots.CreateSnapshot().IsEnabled(new FlagKey("NewChekout")));

        evaluations.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["error.type"].ShouldBe("flag_not_found");
    }

    [Fact]
    public void Explain_CounterListening_IsNotAnEvaluation()
    {
        using var host = new TelemetryHost(Flags);
        using var evaluations = host.Collect<long>("featureflags.evaluations");
        var snapshot = host.Snapshots.CreateSnapshot();

        snapshot.Explain("NewCheckout").IsEnabled.ShouldBeTrue();
        snapshot.ExplainAll().ShouldNotBeEmpty();

        evaluations.GetMeasurementSnapshot().ShouldBeEmpty();
    }

    [Fact]
    public void FlagReader_CounterListening_CountsEveryRead()
    {
        using var host = new TelemetryHost(Flags);
        using var evaluations = host.Collect<long>("featureflags.evaluations");

        host.Reader.IsEnabled("NewCheckout").ShouldBeTrue();
        host.Reader.IsEnabled(new FlagKey("NewCheckout")).ShouldBeTrue();
        host.Reader.IsEnabled("Beta", new EvaluationContext("bob")).ShouldBeFalse();
        host.Reader.IsEnabled("Nope").ShouldBeFalse();

        var measurements = evaluations.GetMeasurementSnapshot();
        measurements.Count.ShouldBe(4);
        measurements.Count(m => m.Tags.TryGetValue("feature_flag.key", out var key) && (string?)key == "NewCheckout").ShouldBe(2);
        Tags(measurements, "Beta")["feature_flag.result.reason"].ShouldBe("default");
        measurements.Count(m => m.Tags.ContainsKey("error.type")).ShouldBe(1);
    }

    [Fact]
    public void FlagReader_NobodyListening_ReadsAsBefore()
    {
        using var host = new TelemetryHost(Flags);

        host.Reader.IsEnabled("NewCheckout").ShouldBeTrue();

        using var evaluations = host.Collect<long>("featureflags.evaluations");
        evaluations.GetMeasurementSnapshot().ShouldBeEmpty();
    }

    private static IReadOnlyDictionary<string, object?> Tags(IEnumerable<Microsoft.Extensions.Diagnostics.Metrics.Testing.CollectedMeasurement<long>> measurements, string flag) =>
        measurements.Single(m => m.Tags.TryGetValue("feature_flag.key", out var key) && (string?)key == flag).Tags;
}
