using System.Runtime.CompilerServices;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Answers from whichever flag table is current at each read: one volatile reference read, then the
/// table's own read path. No snapshot, no allocation, no lock. Scheduled flags are read at the clock's
/// instant of each read; the clock is not read when no flag has a schedule.
/// </summary>
internal sealed class CurrentFlagReader(FlagTableProvider tables, TimeProvider time) : IFlagReader
{
    public bool IsEnabled(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var table = tables.Current;
        return table.IsEnabled(flag, EvaluationContext.Empty, Now(table));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(FlagKey flag)
    {
        var table = tables.Current;
        return table.IsEnabled(flag, EvaluationContext.Empty, Now(table));
    }

    public bool IsEnabled(string flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(context);
        var table = tables.Current;
        return table.IsEnabled(flag, context, Now(table));
    }

    public bool IsEnabled(FlagKey flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var table = tables.Current;
        return table.IsEnabled(flag, context, Now(table));
    }

    private long Now(FlagTable table) => table.HasSchedules ? time.GetUtcNow().UtcTicks : 0;
}
