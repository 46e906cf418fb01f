using FeatureFlags.Diagnostics;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>
/// What one observed snapshot has recorded: each flag is recorded at its first read only, so a request that reads a
/// flag a hundred times makes one evaluation event and counts once. Made only for snapshots created while
/// <see cref="FlagTelemetry.IsObserving"/>; the others carry none. Thread-safe.
/// </summary>
internal sealed class SnapshotTelemetry(FlagTelemetry telemetry, FlagTable table)
{
    // One bit per flag of the table, by CompiledFlag.Position.
    private readonly long[] _read = new long[(table.All.Count + 63) / 64];

    /// <summary>Reads <paramref name="flag"/>, recording the evaluation if this is the snapshot's first read of it.</summary>
    public bool Read(CompiledFlag flag, EvaluationContext context, long now) =>
        IsFirstRead(flag) ? EvaluationRecorder.Read(telemetry, flag, context, now) : flag.IsEnabled(context, now);

    /// <summary>Records the evaluation if this is the snapshot's first read of <paramref name="flag"/>; for variant reads.</summary>
    public void Touch(CompiledFlag flag, EvaluationContext context, long now)
    {
        if (IsFirstRead(flag))
        {
            EvaluationRecorder.Read(telemetry, flag, context, now);
        }
    }

    /// <summary>Records a read of a flag the table does not know (every time), then reports it.</summary>
    public void ReadUnknown(string? name, EvaluationContext context) => EvaluationRecorder.ReadUnknown(telemetry, table, name, context);

    private bool IsFirstRead(CompiledFlag flag)
    {
        var bit = 1L << (flag.Position & 63);
        return (Interlocked.Or(ref _read[flag.Position >> 6], bit) & bit) == 0;
    }
}
