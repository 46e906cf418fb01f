namespace FeatureFlags;

/// <summary>
/// The category of a flag. The category says how long the flag is expected to live and which
/// configuration shapes make sense for it.
/// </summary>
public enum FlagKind
{
    /// <summary>Hides unfinished work until it ships. Temporary: must carry an expiry date.</summary>
    Release = 0,

    /// <summary>An A/B test or multivariate experiment. Temporary: must carry an expiry date; the only kind that may have variants.</summary>
    Experiment = 1,

    /// <summary>An operational switch such as a kill switch or a degradation toggle. May live long.</summary>
    Ops = 2,

    /// <summary>Turns a capability on for chosen users or groups. May live long.</summary>
    Permission = 3,
}
