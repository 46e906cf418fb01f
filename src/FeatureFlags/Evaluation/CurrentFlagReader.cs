using System.Runtime.CompilerServices;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Answers from whichever flag table is current at each read: one volatile reference read, then the
/// table's own read path. No snapshot, no allocation, no lock.
/// </summary>
internal sealed class CurrentFlagReader(FlagTableProvider tables) : IFlagReader
{
    public bool IsEnabled(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return tables.Current.IsEnabled(flag, EvaluationContext.Empty);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(FlagKey flag) => tables.Current.IsEnabled(flag, EvaluationContext.Empty);

    public bool IsEnabled(string flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(context);
        return tables.Current.IsEnabled(flag, context);
    }

    public bool IsEnabled(FlagKey flag, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return tables.Current.IsEnabled(flag, context);
    }
}
