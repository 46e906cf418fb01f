namespace FeatureFlags;

/// <summary>
/// Creates <see cref="IFlagSnapshot"/>s outside a DI scope (background jobs, message handlers) or for an
/// explicit context (a given user). Registered as a singleton; thread-safe.
/// </summary>
public interface IFlagSnapshotFactory
{
    /// <summary>Creates a snapshot of the current flags for the anonymous context.</summary>
    /// <returns>A snapshot that later reloads do not change.</returns>
    IFlagSnapshot CreateSnapshot();

    /// <summary>Creates a snapshot of the current flags for a context.</summary>
    /// <param name="context">Who the flags are evaluated for.</param>
    /// <returns>A snapshot that later reloads do not change.</returns>
    IFlagSnapshot CreateSnapshot(EvaluationContext context);
}
