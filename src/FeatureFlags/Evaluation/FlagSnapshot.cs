using System.Runtime.CompilerServices;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>
/// The snapshot: a flag table and a context, both immutable, so values are fixed at creation without
/// computing any of them up front. Creating one is a single small allocation.
/// </summary>
internal sealed class FlagSnapshot : IFlagSnapshot
{
    private readonly FlagTable _table;

    // The table's states, held here too so that a typed read of a static flag is one array access.
    private readonly byte[] _states;

    public FlagSnapshot(FlagTable table, EvaluationContext context)
    {
        _table = table;
        _states = table.States;
        Context = context;
    }

    public EvaluationContext Context { get; }

    public bool IsEnabled(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return _table.IsEnabled(flag, Context);
    }

    // Small enough to be inlined where the JIT devirtualizes the interface call (the usual case: one
    // snapshot type): a typed read of a static flag is then a type check, a bounds check and a load.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(FlagKey flag)
    {
        var states = _states;
        var id = flag.Id;
        if ((uint)id < (uint)states.Length && states[id] >= FlagState.StaticFalse)
        {
            return states[id] == FlagState.StaticTrue;
        }

        return Evaluate(flag);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Evaluate(FlagKey flag) => _table.IsEnabled(flag, Context);

    public string? GetVariant(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            _table.ReportUnknown(flag);
            return null;
        }

        return compiled.GetVariant(Context);
    }

    public string? GetVariant(FlagKey flag)
    {
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            _table.ReportUnknown(flag.NameOrNull);
            return null;
        }

        return compiled.GetVariant(Context);
    }

    public FlagEvaluation Explain(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            _table.ReportUnknown(flag);
            return new FlagEvaluation(flag, false, null, EvaluationReason.UnknownFlag, null, []);
        }

        return Explain(compiled);
    }

    public IReadOnlyList<FlagEvaluation> ExplainAll() => _table.Flags.Select(Explain).ToArray();

    private FlagEvaluation Explain(CompiledFlag flag)
    {
        var enabled = flag.Evaluate(Context, out var reason, out var decider);
        return new FlagEvaluation(
            flag.Name, enabled, flag.GetVariant(Context), reason, flag.Definition, flag.Sources, flag.DecidingSource(reason, decider), flag.ShorthandAsEnabled, CompiledFlag.DecidingRule(decider));
    }
}
