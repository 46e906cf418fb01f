namespace FeatureFlags.Testing;

/// <summary>
/// One case of the flag test matrix: a readable name and the snapshot to test with. Its
/// <see cref="ToString"/> is the name, which is what xunit, NUnit and MSTest show for the case.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Not sealed only so that <c>[FlagMatrix]</c> (FeatureFlags.Testing.Xunit, FeatureFlags.Testing.XunitV3) can
/// hand xunit a serializable subclass (each case then shows in the test explorer before it runs); no
/// assembly but those two can derive from it.
/// </remarks>
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
#pragma warning disable CA1852 // Derived from in the xunit adapters (XunitFlagMatrixCase), deliberately nowhere else.
public class FlagMatrixCase
#pragma warning restore CA1852
{
    private string? _name;
    private TestFlagSnapshot? _snapshot;

    internal FlagMatrixCase(string name, FlagMatrixCaseKind kind, string? plannedFlag, TestFlagSnapshot snapshot)
    {
        Initialize(name, kind, plannedFlag, snapshot);
    }

    /// <summary>For a serializer that fills the case in afterwards, once.</summary>
    private protected FlagMatrixCase()
    {
    }

    /// <summary>Gets the case's display name, such as <c>Production + NewCheckout on</c>. Stable across runs.</summary>
    public string Name => _name ?? throw NotInitialized();

    /// <summary>Gets which case this is.</summary>
    public FlagMatrixCaseKind Kind { get; private set; }

    /// <summary>Gets the flag this case turns on, for <see cref="FlagMatrixCaseKind.PlannedOn"/>; otherwise <see langword="null"/>.</summary>
    public string? PlannedFlag { get; private set; }

    /// <summary>Gets the flags of this case. Add or change flags with its <c>With</c> methods.</summary>
    public TestFlagSnapshot Snapshot => _snapshot ?? throw NotInitialized();

    /// <summary>Returns <see cref="Name"/>, the name test runners display.</summary>
    /// <returns>The case's name.</returns>
    public override string ToString() => _name ?? "(not initialized)";

    /// <summary>Sets the case's values; called once, by a constructor or a deserializer.</summary>
    private protected void Initialize(string name, FlagMatrixCaseKind kind, string? plannedFlag, TestFlagSnapshot snapshot)
    {
        if (_name is not null)
        {
            throw new InvalidOperationException("A matrix case is immutable once initialized.");
        }

        _name = name;
        Kind = kind;
        PlannedFlag = plannedFlag;
        _snapshot = snapshot;
    }

    private static InvalidOperationException NotInitialized() => new("This matrix case was never initialized.");
}
