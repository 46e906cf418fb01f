using System.Runtime.CompilerServices;
using FeatureFlags.Diagnostics;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Answers from whichever flag table is current at each read: one volatile reference read, then the
/// table's own read path. No snapshot, no allocation, no lock. Scheduled flags are read at the clock's
/// instant of each read; the clock is not read when no flag has a schedule. With no snapshot to remember what
/// it recorded, every read is one evaluation when telemetry listens.
/// </summary>
internal sealed class CurrentFlagReader(FlagTableProvider tables, TimeProvider time, FlagTelemetry? telemetry = null) : IFlagReader
{
    public bool IsEnabled(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return IsEnabled(flag, EvaluationContext.Empty);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(FlagKey flag)
    {
        var table = tables.Current;
        return telemetry is { IsObserving: true }
            ? ReadObserved(table, table.Find(flag), flag.NameOrNull, EvaluationContext.Empty)
            : table.IsEnabled(flag, EvaluationContext.Empty, Now(table));
    }

    public bool IsEnabled(string flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(context);
        var table = tables.Current;
        return telemetry is { IsObserving: true }
            ? ReadObserved(table, table.Find(flag), flag, context)
            : table.IsEnabled(flag, context, Now(table));
    }

    public bool IsEnabled(FlagKey flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = tables.Current;
        return telemetry is { IsObserving: true }
            ? ReadObserved(table, table.Find(flag), flag.NameOrNull, context)
            : table.IsEnabled(flag, context, Now(table));
    }

    private long Now(FlagTable table) => table.HasSchedules ? time.GetUtcNow().UtcTicks : 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ReadObserved(FlagTable table, CompiledFlag? flag, string? name, EvaluationContext context)
    {
        if (flag is not null)
        {
            return EvaluationRecorder.Read(telemetry!, flag, context, Now(table));
        }

        EvaluationRecorder.ReadUnknown(telemetry!, table, name, context);
        return false;
    }
}
