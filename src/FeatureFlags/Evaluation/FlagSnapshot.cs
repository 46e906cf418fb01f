namespace FeatureFlags.Evaluation;

/// <summary>
/// The snapshot: a flag table and a context, both immutable, so values are fixed at creation without
/// computing any of them up front. Creating one is a single small allocation.
/// </summary>
internal sealed class FlagSnapshot : IFlagSnapshot
{
    private readonly FlagTable _table;

    public FlagSnapshot(FlagTable table, EvaluationContext context)
    {
        _table = table;
        Context = context;
    }

    public EvaluationContext Context { get; }

    public bool IsEnabled(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            ReportUnknown(flag);
            return false;
        }

        return compiled.IsEnabled(Context);
    }

    public bool IsEnabled(FlagKey flag)
    {
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            ReportUnknown(flag.Name);
            return false;
        }

        return compiled.IsEnabled(Context);
    }

    public string? GetVariant(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            ReportUnknown(flag);
            return null;
        }

        return compiled.GetVariant(Context);
    }

    public string? GetVariant(FlagKey flag)
    {
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            ReportUnknown(flag.Name);
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
            ReportUnknown(flag);
            return new FlagEvaluation(flag, false, null, EvaluationReason.UnknownFlag, null, []);
        }

        return Explain(compiled);
    }

    public IReadOnlyList<FlagEvaluation> ExplainAll() => _table.Flags.Select(Explain).ToArray();

    private FlagEvaluation Explain(CompiledFlag flag)
    {
        var enabled = flag.Evaluate(Context, out var reason);
        return new FlagEvaluation(flag.Name, enabled, flag.GetVariant(Context), reason, flag.Definition, flag.Sources);
    }

    private void ReportUnknown(string name) => _table.Reporter.Report(name, _table.Flags.Select(f => f.Name));
}
