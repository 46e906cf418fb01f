using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>Creates snapshots from whatever flag table is current at the moment of creation, at the clock's current instant.</summary>
internal sealed class FlagSnapshotFactory(FlagTableProvider tables, TimeProvider time) : IFlagSnapshotFactory
{
    public IFlagSnapshot CreateSnapshot() => new FlagSnapshot(tables.Current, EvaluationContext.Empty, time);

    public IFlagSnapshot CreateSnapshot(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FlagSnapshot(tables.Current, context, time);
    }
}
