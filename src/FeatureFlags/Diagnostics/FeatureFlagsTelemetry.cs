namespace FeatureFlags;

/// <summary>
/// The names an application's OpenTelemetry set-up listens to: <c>AddSource(FeatureFlagsTelemetry.ActivitySourceName)</c>
/// for the <c>feature_flag.evaluation</c> events on the current activity, <c>AddMeter(FeatureFlagsTelemetry.MeterName)</c>
/// for evaluation and reload metrics. Nothing is recorded, and reads cost nothing extra, until something listens.
/// </summary>
/// <remarks>
/// The events follow the OpenTelemetry semantic conventions for feature flags; the attributes, instruments and the
/// mapping of <see cref="EvaluationReason"/> to the conventions' reasons are listed in <c>docs/observability.md</c>.
/// </remarks>
public static class FeatureFlagsTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> name: listening to it turns the evaluation events on.</summary>
    public const string ActivitySourceName = "FeatureFlags";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> name of the evaluation, reload and flag-count instruments.</summary>
    public const string MeterName = "FeatureFlags";

    /// <summary>The name of the event added to the current activity for an evaluation, as the conventions fix it.</summary>
    public const string EvaluationEventName = "feature_flag.evaluation";

    /// <summary>The value of the <c>feature_flag.provider.name</c> attribute.</summary>
    public const string ProviderName = "FeatureFlags";
}
