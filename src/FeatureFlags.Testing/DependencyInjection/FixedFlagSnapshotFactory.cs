namespace FeatureFlags.Testing;

/// <summary>Hands out one fixed snapshot wherever the application asks for flags.</summary>
internal sealed class FixedFlagSnapshotFactory(IFlagSnapshot snapshot) : IFlagSnapshotFactory
{
    public IFlagSnapshot CreateSnapshot() => snapshot;

    public IFlagSnapshot CreateSnapshot(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A test snapshot can follow the context (targeting read from an environment still applies);
        // any other snapshot is fixed as given.
        return snapshot is TestFlagSnapshot test ? test.WithContext(context) : snapshot;
    }
}
