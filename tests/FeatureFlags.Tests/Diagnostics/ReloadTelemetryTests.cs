using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tests.Diagnostics;

public sealed class ReloadTelemetryTests
{
    private static readonly Settings TwoFlags = new() { ["FeatureFlags:NewCheckout"] = "true", ["FeatureFlags:Legacy"] = "false" };

    [Fact]
    public void Reload_Applied_CountedTimedAndFlagCountFollows()
    {
        using var host = new TelemetryHost(TwoFlags);
        using var reloads = host.Collect<long>("featureflags.reloads");
        using var durations = host.Collect<double>("featureflags.reload.duration");
        using var flags = host.Collect<int>("featureflags.flags");
        host.Snapshots.CreateSnapshot();

        flags.RecordObservableInstruments();
        flags.LastMeasurement!.Value.ShouldBe(2);

        host.Source.Replace(new Settings { ["FeatureFlags:NewCheckout"] = "true", ["FeatureFlags:Legacy"] = "false", ["FeatureFlags:Beta"] = "true" });

        var reload = reloads.GetMeasurementSnapshot().ShouldHaveSingleItem();
        reload.Value.ShouldBe(1);
        reload.Tags.ShouldBe(new Dictionary<string, object?> { ["featureflags.reload.result"] = "applied" });
        var duration = durations.GetMeasurementSnapshot().ShouldHaveSingleItem();
        duration.Value.ShouldBeGreaterThanOrEqualTo(0);
        duration.Tags["featureflags.reload.result"].ShouldBe("applied");
        flags.RecordObservableInstruments();
        flags.LastMeasurement!.Value.ShouldBe(3);
    }

    [Fact]
    public void Reload_Invalid_CountedRejectedAndLoggedWithItsPath()
    {
        using var host = new TelemetryHost(TwoFlags);
        using var reloads = host.Collect<long>("featureflags.reloads");
        host.Snapshots.CreateSnapshot();

        host.Source.Replace(new Settings { ["FeatureFlags:NewCheckout"] = "ture" });

        reloads.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["featureflags.reload.result"].ShouldBe("rejected");
        var log = host.Logs.Collector.GetSnapshot().Where(r => r.Id.Id == 1002).ShouldHaveSingleItem();
        log.Level.ShouldBe(LogLevel.Error);
        log.Id.Name.ShouldBe("ReloadRejected");
        log.Message.ShouldContain("FeatureFlags:NewCheckout: 'ture' is not a boolean");
        host.Snapshots.CreateSnapshot().IsEnabled("NewCheckout").ShouldBeTrue();
    }

    [Fact]
    public void Reload_SourceThrows_CountedFailed()
    {
        var source = new ThrowingSource();
        using var host = new TelemetryHost(new ConfigurationBuilder().Add(new ReplaceableSource(TwoFlags)).Add(source));
        using var reloads = host.Collect<long>("featureflags.reloads");
        host.Snapshots.CreateSnapshot();

        source.Built!.Fail();

        reloads.GetMeasurementSnapshot().ShouldHaveSingleItem().Tags["featureflags.reload.result"].ShouldBe("failed");
        host.Logs.Collector.GetSnapshot().ShouldContain(r => r.Id.Id == 1005 && r.Level == LogLevel.Error);
    }
}
