using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace FeatureFlags.Diagnostics;

/// <summary>
/// The runtime's OpenTelemetry-shaped signals, through <c>System.Diagnostics</c> only: <c>feature_flag.evaluation</c>
/// events on the current activity, and the <c>featureflags.*</c> instruments. One per service provider.
/// </summary>
/// <remarks>
/// Nothing here runs on a read unless <see cref="IsObserving"/>: snapshots ask once, when they are made, and keep
/// their read path unchanged when nobody listens. Thread-safe.
/// </remarks>
internal sealed class FlagTelemetry : IDisposable
{
    // ActivitySource has no factory: one per process, which listeners select by name.
    private static readonly ActivitySource Source = new(FeatureFlagsTelemetry.ActivitySourceName, Version);

    // Boxed once: a bool attribute would otherwise box on every recorded evaluation.
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _reloads;
    private readonly Histogram<double> _reloadDuration;
    private readonly bool _includeContextKey;

    /// <param name="meterFactory">The host's meter factory, so that tests and hosts see only their own meter; <see langword="null"/> for a meter of our own.</param>
    /// <param name="includeContextKey">Whether events carry <c>feature_flag.context.id</c>, the context's key: a user id.</param>
    public FlagTelemetry(IMeterFactory? meterFactory, bool includeContextKey)
    {
        _includeContextKey = includeContextKey;
        var options = new MeterOptions(FeatureFlagsTelemetry.MeterName) { Version = Version };
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _evaluations = _meter.CreateCounter<long>(
            "featureflags.evaluations", "{evaluation}", "Flag evaluations: one per flag per snapshot (the first read), one per IFlagReader read.");
        _reloads = _meter.CreateCounter<long>(
            "featureflags.reloads", "{reload}", "Configuration reloads, by result: applied, rejected (invalid; the last good flags stay), or failed (a source threw).");
        _reloadDuration = _meter.CreateHistogram<double>(
            "featureflags.reload.duration", "s", "How long a reload took to read, validate and compile the configuration.");
    }

    /// <summary>The version the source and meter carry: the runtime's informational version.</summary>
    public static string Version { get; } =
        typeof(FlagTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>
    /// Whether an evaluation now would be recorded: the evaluation counter has a listener, or the activity source has
    /// one and the current activity records its data. Cheap (a few field reads); snapshots ask once, at creation.
    /// </summary>
    public bool IsObserving => _evaluations.Enabled || RecordingActivity() is not null;

    /// <summary>Records one evaluation: the counter and, when the current activity records, the event.</summary>
    /// <param name="flag">The flag's name, from the table: never a name the caller made up.</param>
    /// <param name="enabled">The value served.</param>
    /// <param name="variant">The variant served, or <see langword="null"/>.</param>
    /// <param name="conventionReason">The conventions' reason (<see cref="FlagConventions.ConventionReason"/>, or <c>split</c> for a weighted variant).</param>
    /// <param name="reason">Ours.</param>
    /// <param name="decidingRule">The rule, segment, schedule or prerequisite that decided, or <see langword="null"/>.</param>
    /// <param name="context">Who the flag was read for.</param>
    public void Record(string flag, bool enabled, string? variant, string conventionReason, EvaluationReason reason, string? decidingRule, EvaluationContext context)
    {
        if (_evaluations.Enabled)
        {
            var tags = new TagList
            {
                { FlagConventions.Key, flag },
                variant is null ? new(FlagConventions.Value, enabled ? True : False) : new(FlagConventions.Variant, variant),
                { FlagConventions.Reason, conventionReason },
            };
            _evaluations.Add(1, tags);
        }

        if (RecordingActivity() is { } activity)
        {
            var tags = EventTags(flag, context, conventionReason, reason);
            tags.Add(variant is null ? FlagConventions.Value : FlagConventions.Variant, variant ?? (enabled ? True : False));
            if (decidingRule is not null)
            {
                tags.Add(FlagConventions.DecidingRule, decidingRule);
            }

            activity.AddEvent(new ActivityEvent(FeatureFlagsTelemetry.EvaluationEventName, tags: tags));
        }
    }

    /// <summary>
    /// Records a read of a flag nobody declared or configured. The counter leaves the name out, so that names read
    /// from anywhere cannot grow the metric's series; the event carries it.
    /// </summary>
    /// <param name="name">The name read, already cut to the length the log keeps; <see langword="null"/> for a default <c>FlagKey</c>.</param>
    /// <param name="context">Who the flag was read for.</param>
    public void RecordUnknown(string? name, EvaluationContext context)
    {
        if (_evaluations.Enabled)
        {
            _evaluations.Add(
                1,
                new KeyValuePair<string, object?>(FlagConventions.Value, False),
                new KeyValuePair<string, object?>(FlagConventions.Reason, "error"),
                new KeyValuePair<string, object?>(FlagConventions.ErrorType, FlagConventions.FlagNotFound));
        }

        if (RecordingActivity() is { } activity)
        {
            var tags = EventTags(name ?? "(default FlagKey)", context, "error", EvaluationReason.UnknownFlag);
            tags.Add(FlagConventions.Value, False);
            tags.Add(FlagConventions.ErrorType, FlagConventions.FlagNotFound);
            activity.AddEvent(new ActivityEvent(FeatureFlagsTelemetry.EvaluationEventName, tags: tags));
        }
    }

    /// <summary>Records a reload: <c>applied</c>, <c>rejected</c> or <c>failed</c>, and how long it took.</summary>
    public void Reloaded(string result, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("featureflags.reload.result", result);
        _reloads.Add(1, tag);
        _reloadDuration.Record(elapsed.TotalSeconds, tag);
    }

    /// <summary>Publishes the number of flags loaded, read from <paramref name="count"/> whenever a listener collects.</summary>
    public void ObserveFlagCount(Func<int> count) =>
        _meter.CreateObservableGauge("featureflags.flags", count, "{flag}", "Flags in the table in force: declared or configured.");

    public void Dispose()
    {
        // A factory's meter is the factory's to dispose, with the container.
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private static Activity? RecordingActivity() =>
        Source.HasListeners() && Activity.Current is { IsAllDataRequested: true } activity ? activity : null;

    private ActivityTagsCollection EventTags(string key, EvaluationContext context, string conventionReason, EvaluationReason reason)
    {
        var tags = new ActivityTagsCollection
        {
            [FlagConventions.Key] = key,
            [FlagConventions.ProviderName] = FeatureFlagsTelemetry.ProviderName,
            [FlagConventions.Reason] = conventionReason,
            [FlagConventions.LibraryReason] = FlagConventions.Name(reason),
        };

        // Opt-in only: the key is usually a user id.
        if (_includeContextKey && context.Key is { } contextKey)
        {
            tags[FlagConventions.ContextId] = contextKey;
        }

        return tags;
    }
}
