using System.Diagnostics;

namespace FeatureFlags.Tests.Diagnostics;

/// <summary>
/// The <c>feature_flag.evaluation</c> events, seen as an application's tracing sees them: an <see cref="ActivityListener"/>
/// on the FeatureFlags source and on this test's own request source, which records the activity the events land on.
/// </summary>
public sealed class EvaluationEventTests : IDisposable
{
    private const string RequestSourceName = "FeatureFlags.Tests.Requests";
    private static readonly ActivitySource Requests = new(RequestSourceName);

    private static readonly Settings Flags = new()
    {
        ["FeatureFlags:NewCheckout"] = "true",
        ["FeatureFlags:Beta:Users:0"] = "alice",
        ["FeatureFlags:Pro:Rules:0:When:plan:Equals"] = "pro",
        ["FeatureFlags:Button:Variants:blue"] = "100",
    };

    private readonly ActivityListener _listener;
    private ActivitySamplingResult _sampling = ActivitySamplingResult.AllDataAndRecorded;

    public EvaluationEventTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is FeatureFlagsTelemetry.ActivitySourceName or RequestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _sampling,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void IsEnabled_InRecordedActivity_AddsOneConventionalEventPerFlag()
    {
        using var host = new TelemetryHost(Flags);
        using var request = Requests.StartActivity("GET /checkout")!;
        var snapshot = host.Snapshots.CreateSnapshot(new EvaluationContext("alice"));

        for (var i = 0; i < 2; i++)
        {
            snapshot.IsEnabled("NewCheckout").ShouldBeTrue();
            snapshot.IsEnabled("Beta").ShouldBeTrue();
            snapshot.GetVariant("Button").ShouldBe("blue");
        }

        var events = request.Events.ToList();
        events.Count.ShouldBe(3);
        events.ShouldAllBe(e => e.Name == "feature_flag.evaluation");
        Tags(events[0]).ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "NewCheckout",
            ["feature_flag.provider.name"] = "FeatureFlags",
            ["feature_flag.result.reason"] = "static",
            ["featureflags.reason"] = "Static",
            ["feature_flag.result.value"] = true,
        });
        Tags(events[1]).ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Beta",
            ["feature_flag.provider.name"] = "FeatureFlags",
            ["feature_flag.result.reason"] = "targeting_match",
            ["featureflags.reason"] = "TargetedUser",
            ["feature_flag.result.value"] = true,
        });
        Tags(events[2]).ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "Button",
            ["feature_flag.provider.name"] = "FeatureFlags",
            ["feature_flag.result.reason"] = "static",
            ["featureflags.reason"] = "Static",
            ["feature_flag.result.variant"] = "blue",
        });
    }

    [Fact]
    public void IsEnabled_RuleDecides_EventNamesTheRule()
    {
        using var host = new TelemetryHost(Flags);
        using var request = Requests.StartActivity("GET /pro")!;

        host.Snapshots.CreateSnapshot(new EvaluationContext("alice", null, new ContextAttribute("plan", "pro"))).IsEnabled("Pro").ShouldBeTrue();

        var tags = Tags(request.Events.ShouldHaveSingleItem());
        tags["feature_flag.result.reason"].ShouldBe("targeting_match");
        tags["featureflags.reason"].ShouldBe("RuleMatch");
        tags["featureflags.deciding_rule"].ShouldBe("Rules:0");
    }

    [Fact]
    public void IsEnabled_ContextKeyByDefault_IsNotInTheEvent()
    {
        using var host = new TelemetryHost(Flags);
        using var request = Requests.StartActivity("GET /")!;

        host.Snapshots.CreateSnapshot(new EvaluationContext("alice")).IsEnabled("Beta").ShouldBeTrue();

        Tags(request.Events.ShouldHaveSingleItem()).ShouldNotContainKey("feature_flag.context.id");
    }

    [Fact]
    public void IsEnabled_ContextKeyOptedIn_EventCarriesIt()
    {
        using var host = new TelemetryHost(Flags, options => options.IncludeContextKeyInTelemetry = true);
        using var request = Requests.StartActivity("GET /")!;

        host.Snapshots.CreateSnapshot(new EvaluationContext("alice")).IsEnabled("Beta").ShouldBeTrue();

        Tags(request.Events.ShouldHaveSingleItem())["feature_flag.context.id"].ShouldBe("alice");
    }

    [Fact]
    public void IsEnabled_UnknownFlag_EventHasErrorType()
    {
        using var host = new TelemetryHost(Flags);
        using var request = Requests.StartActivity("GET /")!;

        host.Snapshots.CreateSnapshot().IsEnabled("NewChekout").ShouldBeFalse();

        Tags(request.Events.ShouldHaveSingleItem()).ShouldBe(new Dictionary<string, object?>
        {
            ["feature_flag.key"] = "NewChekout",
            ["feature_flag.provider.name"] = "FeatureFlags",
            ["feature_flag.result.reason"] = "error",
            ["featureflags.reason"] = "UnknownFlag",
            ["feature_flag.result.value"] = false,
            ["error.type"] = "flag_not_found",
        });
    }

    [Fact]
    public void IsEnabled_ActivityNotRecorded_NoEvents()
    {
        _sampling = ActivitySamplingResult.PropagationData;
        using var host = new TelemetryHost(Flags);
        using var request = Requests.StartActivity("GET /")!;

        host.Snapshots.CreateSnapshot(new EvaluationContext("alice")).IsEnabled("Beta").ShouldBeTrue();

        request.IsAllDataRequested.ShouldBeFalse();
        request.Events.ShouldBeEmpty();
    }

    [Fact]
    public void FlagReader_InRecordedActivity_AddsAnEventPerRead()
    {
        using var host = new TelemetryHost(Flags);
        using var request = Requests.StartActivity("job")!;

        host.Reader.IsEnabled("NewCheckout").ShouldBeTrue();
        host.Reader.IsEnabled("NewCheckout").ShouldBeTrue();

        request.Events.Count().ShouldBe(2);
    }

    public void Dispose() => _listener.Dispose();

    private static Dictionary<string, object?> Tags(ActivityEvent e) => e.Tags.ToDictionary(t => t.Key, t => t.Value);
}
