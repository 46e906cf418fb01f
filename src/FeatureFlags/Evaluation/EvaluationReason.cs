namespace FeatureFlags;

/// <summary>Why a flag has the value it has for a context.</summary>
public enum EvaluationReason
{
    /// <summary>Configuration gives the flag one value for everybody (within its schedule, once its prerequisites are met).</summary>
    Static = 0,

    /// <summary>Configuration says nothing about the flag; the declared default applies.</summary>
    Default = 1,

    /// <summary>The context's key is in the flag's <c>Users</c> allow-list.</summary>
    TargetedUser = 2,

    /// <summary>One of the context's groups is in the flag's <c>Groups</c> allow-list.</summary>
    TargetedGroup = 3,

    /// <summary>The context's key fell inside (enabled) or outside (disabled) the flag's <c>Rollout</c> percentage.</summary>
    Rollout = 4,

    /// <summary>The flag's <c>Enabled</c> is <see langword="false"/>: off for everybody, whatever its targeting says.</summary>
    Disabled = 5,

    /// <summary>No configuration and no catalog knows the flag; the value is <see langword="false"/>.</summary>
    UnknownFlag = 6,

    /// <summary>The flag has allow-lists, segments or rules and no rollout, and the context is admitted by none of them.</summary>
    NotTargeted = 7,

    /// <summary>The context is in the flag's <c>Exclude</c>: off, whatever else matches. <see cref="FlagEvaluation.DecidingRule"/> is <c>Exclude</c>.</summary>
    Excluded = 8,

    /// <summary>
    /// A rule matched the context's attributes; the value is on, or off when the context fell outside the rule's rollout.
    /// <see cref="FlagEvaluation.DecidingRule"/> names the rule (<c>Rules:1</c>).
    /// </summary>
    RuleMatch = 9,

    /// <summary>The context is in a segment the flag names. <see cref="FlagEvaluation.DecidingRule"/> names it (<c>Segments:ProBenelux</c>).</summary>
    SegmentMatch = 10,

    /// <summary>
    /// The flag has a <c>Schedule</c> and the snapshot was made outside its windows: off for everybody.
    /// <see cref="FlagEvaluation.DecidingRule"/> is <c>Schedule</c>.
    /// </summary>
    OutsideSchedule = 11,

    /// <summary>
    /// A flag this one <c>Requires</c> was off (or on, or served another variant than required) for the context: off.
    /// <see cref="FlagEvaluation.DecidingRule"/> names the prerequisite (<c>Requires:NewCheckout</c>).
    /// </summary>
    PrerequisiteOff = 12,
}
