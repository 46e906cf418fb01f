namespace FeatureFlags.Testing;

/// <summary>Which case of the test matrix a <see cref="FlagMatrixCase"/> is.</summary>
public enum FlagMatrixCaseKind
{
    /// <summary>The environment's configuration as it is, such as <c>Production</c>.</summary>
    Environment = 0,

    /// <summary>The environment with one planned flag turned on, such as <c>Production + NewCheckout on</c>.</summary>
    PlannedOn = 1,

    /// <summary>The environment with every planned flag off: the fallback if the rollout is reverted.</summary>
    PlannedOff = 2,

    /// <summary>Every flag on.</summary>
    AllOn = 3,

    /// <summary>Every flag off.</summary>
    AllOff = 4,
}
