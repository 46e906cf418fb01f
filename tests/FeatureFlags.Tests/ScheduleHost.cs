using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests;

/// <summary>A host whose flags come from JSON text and whose clock the test sets, forwards and back.</summary>
internal sealed class ScheduleHost
{
    private readonly IFlagSnapshotFactory _factory;

    public ScheduleHost(string flagsJson, DateTimeOffset now, TimeProvider? clock = null)
    {
        Time = new SettableClock { Now = now };
        var configuration = Json("{ \"FeatureFlags\": " + flagsJson + " }");
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? Time);
        services.AddFeatureFlags(configuration);
        _factory = services.BuildServiceProvider().GetRequiredService<IFlagSnapshotFactory>();
    }

    public SettableClock Time { get; }

    /// <summary>A snapshot made at <paramref name="instant"/>.</summary>
    public IFlagSnapshot At(string instant)
    {
        Time.Now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        return _factory.CreateSnapshot();
    }

    public IFlagSnapshot Snapshot(EvaluationContext? context = null) => context is null ? _factory.CreateSnapshot() : _factory.CreateSnapshot(context);

    /// <summary>The problems start-up reports for the flags in <paramref name="flagsJson"/>.</summary>
    public static IReadOnlyList<string> Problems(string flagsJson) =>
        Should.Throw<FlagConfigurationException>(() => FlagHarness.Snapshot(Json("{ \"FeatureFlags\": " + flagsJson + " }"))).Problems;

    public static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>A clock that stands where the test puts it; unlike FakeTimeProvider, it may be set back.</summary>
    internal sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
