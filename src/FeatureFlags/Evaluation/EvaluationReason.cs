namespace FeatureFlags;

/// <summary>Why a flag has the value it has for a context.</summary>
public enum EvaluationReason
{
    /// <summary>Configuration gives the flag one value for everybody.</summary>
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

    /// <summary>The flag has allow-lists and no rollout, and the context is in none of them.</summary>
    NotTargeted = 7,
}
