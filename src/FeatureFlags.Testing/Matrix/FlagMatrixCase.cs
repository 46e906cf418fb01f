namespace FeatureFlags.Testing;

/// <summary>
/// One case of the flag test matrix: a readable name and the snapshot to test with. Its
/// <see cref="ToString"/> is the name, which is what xunit, NUnit and MSTest show for the case.
/// Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// [Theory]
/// [FlagMatrix(typeof(Flags), "Production", Flags.NewCheckout)]
/// public void Total_NeverNegative(FlagMatrixCase flags)
/// {
///     Pricing.Total(cart, newCheckout: flags.Snapshot.IsEnabled(Flags.NewCheckout)).ShouldBeGreaterThanOrEqualTo(0);
/// }
/// </code>
/// </example>
public sealed class FlagMatrixCase
{
    internal FlagMatrixCase(string name, FlagMatrixCaseKind kind, string? plannedFlag, TestFlagSnapshot snapshot)
    {
        Name = name;
        Kind = kind;
        PlannedFlag = plannedFlag;
        Snapshot = snapshot;
    }

    /// <summary>Gets the case's display name, such as <c>Production + NewCheckout on</c>. Stable across runs.</summary>
    public string Name { get; }

    /// <summary>Gets which case this is.</summary>
    public FlagMatrixCaseKind Kind { get; }

    /// <summary>Gets the flag this case turns on, for <see cref="FlagMatrixCaseKind.PlannedOn"/>; otherwise <see langword="null"/>.</summary>
    public string? PlannedFlag { get; }

    /// <summary>Gets the flags of this case. Add or change flags with its <c>With</c> methods.</summary>
    public TestFlagSnapshot Snapshot { get; }

    /// <summary>Returns <see cref="Name"/>, the name test runners display.</summary>
    /// <returns>The case's name.</returns>
    public override string ToString() => Name;
}
