namespace FeatureFlags.Testing;

/// <summary>
/// The application's <see cref="IFlagReader"/> in a test host: reads the fixed flags, so code that asks outside a
/// scope (singletons, background jobs) sees what the scopes see.
/// </summary>
internal sealed class FixedFlagReader : IFlagReader
{
    private readonly FixedFlagSnapshotFactory _factory;
    private readonly IFlagSnapshot _anonymous;

    public FixedFlagReader(FixedFlagSnapshotFactory factory)
    {
        _factory = factory;
        _anonymous = factory.CreateSnapshot(EvaluationContext.Empty);
    }

    public bool IsEnabled(string flag) => _anonymous.IsEnabled(flag);

    public bool IsEnabled(FlagKey flag) => _anonymous.IsEnabled(flag);

    public bool IsEnabled(string flag, EvaluationContext context) => _factory.CreateSnapshot(context).IsEnabled(flag);

    public bool IsEnabled(FlagKey flag, EvaluationContext context) => _factory.CreateSnapshot(context).IsEnabled(flag);
}
