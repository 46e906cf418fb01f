using FeatureFlags.Diagnostics;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>Creates snapshots from whatever flag table is current at the moment of creation, at the clock's current instant.</summary>
/// <remarks>A snapshot made while telemetry listens records its evaluations; one made while nobody listens reads as before.</remarks>
internal sealed class FlagSnapshotFactory(FlagTableProvider tables, TimeProvider time, FlagTelemetry? telemetry = null) : IFlagSnapshotFactory
{
    public IFlagSnapshot CreateSnapshot() => new FlagSnapshot(tables.Current, EvaluationContext.Empty, time, telemetry);

    public IFlagSnapshot CreateSnapshot(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FlagSnapshot(tables.Current, context, time, telemetry);
    }
}
