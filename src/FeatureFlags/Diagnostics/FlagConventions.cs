namespace FeatureFlags.Diagnostics;

/// <summary>
/// The OpenTelemetry semantic conventions for feature flags, as far as this library records them: attribute names and
/// the mapping of <see cref="EvaluationReason"/> onto the conventions' <c>feature_flag.result.reason</c> values.
/// </summary>
internal static class FlagConventions
{
    public const string Key = "feature_flag.key";
    public const string Variant = "feature_flag.result.variant";
    public const string Value = "feature_flag.result.value";
    public const string Reason = "feature_flag.result.reason";
    public const string ProviderName = "feature_flag.provider.name";
    public const string ContextId = "feature_flag.context.id";
    public const string ErrorType = "error.type";

    /// <summary>Ours, beside the conventions' coarser reason: the <see cref="EvaluationReason"/> by name.</summary>
    public const string LibraryReason = "featureflags.reason";

    /// <summary>The rule, segment, schedule or prerequisite that decided, as <see cref="FlagEvaluation.DecidingRule"/> names it.</summary>
    public const string DecidingRule = "featureflags.deciding_rule";

    /// <summary>The <c>error.type</c> of a read of a flag nobody declared or configured.</summary>
    public const string FlagNotFound = "flag_not_found";

    private static readonly string[] Reasons = Build();

    // Enum names, allocated once: the event carries them and ToString would allocate per event.
    private static readonly string[] LibraryReasons = Enum.GetNames<EvaluationReason>();

    /// <summary>The conventions' reason for ours.</summary>
    public static string ConventionReason(EvaluationReason reason) =>
        (uint)reason < (uint)Reasons.Length ? Reasons[(int)reason] : "unknown";

    /// <summary>Our reason's name, without allocating.</summary>
    public static string Name(EvaluationReason reason) =>
        (uint)reason < (uint)LibraryReasons.Length ? LibraryReasons[(int)reason] : reason.ToString();

    private static string[] Build()
    {
        var values = Enum.GetValues<EvaluationReason>();
        var reasons = new string[values.Max(v => (int)v) + 1];
        foreach (var reason in values)
        {
            reasons[(int)reason] = reason switch
            {
                // One value for everybody, from configuration.
                EvaluationReason.Static => "static",

                // Configuration is silent, or the context matched nothing: the declared default or off.
                EvaluationReason.Default or EvaluationReason.NotTargeted => "default",

                // Something about the context decided: an allow-list, a rule, a segment, an exclusion, a prerequisite.
                EvaluationReason.TargetedUser or EvaluationReason.TargetedGroup or EvaluationReason.RuleMatch
                    or EvaluationReason.SegmentMatch or EvaluationReason.Excluded or EvaluationReason.PrerequisiteOff => "targeting_match",

                // A sticky hash of the context's key decided: in or out of a percentage.
                EvaluationReason.Rollout => "split",

                // Off for everybody: switched off, or outside its schedule.
                EvaluationReason.Disabled or EvaluationReason.OutsideSchedule => "disabled",

                EvaluationReason.UnknownFlag => "error",
                _ => "unknown",
            };
        }

        return reasons;
    }
}
