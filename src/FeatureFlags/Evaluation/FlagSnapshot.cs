using System.Runtime.CompilerServices;
using FeatureFlags.Diagnostics;
using FeatureFlags.Tables;

namespace FeatureFlags.Evaluation;

/// <summary>
/// The snapshot: a flag table, a context and an instant, all fixed, so values are fixed at creation without
/// computing any of them up front. Creating one is a single small allocation; while telemetry listens, two more (what it
/// recorded), and each flag's first read records an evaluation (docs/observability.md).
/// </summary>
internal sealed class FlagSnapshot : IFlagSnapshot
{
    private readonly FlagTable _table;

    // The table's states, held here too so that a typed read of a static flag is one array access.
    private readonly byte[] _states;

    // UTC ticks of the instant scheduled flags are read at; the clock is read once, and only when a flag has a schedule.
    private readonly long _now;

    // Set only when something listened as the snapshot was made: then every read takes the slow path, which records.
    private readonly SnapshotTelemetry? _telemetry;

    /// <param name="table">The flags.</param>
    /// <param name="context">Who they are read for.</param>
    /// <param name="time">The clock scheduled flags are read against; read once, here, and only when the table has a schedule.</param>
    /// <param name="telemetry">Records evaluations when it has listeners now; asked once, here.</param>
    public FlagSnapshot(FlagTable table, EvaluationContext context, TimeProvider time, FlagTelemetry? telemetry = null)
    {
        _table = table;
        _now = table.HasSchedules ? time.GetUtcNow().UtcTicks : 0;
        Context = context;
        if (telemetry is { IsObserving: true })
        {
            // No states: the typed fast path below never answers, so every read reaches the recording slow path, and a
            // snapshot made while nobody listens keeps the fast path exactly as it was.
            _states = [];
            _telemetry = new SnapshotTelemetry(telemetry, table);
        }
        else
        {
            _states = table.States;
        }
    }

    public EvaluationContext Context { get; }

    public bool IsEnabled(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return _telemetry is null ? _table.IsEnabled(flag, Context, _now) : ReadObserved(flag);
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
    private bool Evaluate(FlagKey flag) =>
        _telemetry is null ? _table.IsEnabled(flag, Context, _now) : FindUnrecorded(flag) is { } compiled && _telemetry.Read(compiled, Context, _now);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool ReadObserved(string flag) => FindUnrecorded(flag) is { } compiled && _telemetry!.Read(compiled, Context, _now);

    public string? GetVariant(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return Find(flag)?.GetVariant(Context, _now);
    }

    public string? GetVariant(FlagKey flag) => Find(flag)?.GetVariant(Context, _now);

    public T? GetVariantValue<T>(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return ValueOf<T>(Find(flag));
    }

    public T? GetVariantValue<T>(FlagKey flag) => ValueOf<T>(Find(flag));

    public FlagEvaluation Explain(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        // An explanation is not an evaluation the application acts on: it is not recorded.
        var compiled = _table.Find(flag);
        if (compiled is null)
        {
            _table.ReportUnknown(flag);
        }

        return compiled is null ? new FlagEvaluation(flag, false, null, EvaluationReason.UnknownFlag, null, []) : Explain(compiled);
    }

    public IReadOnlyList<FlagEvaluation> ExplainAll() => _table.Flags.Select(Explain).ToArray();

    private FlagEvaluation Explain(CompiledFlag flag)
    {
        var enabled = flag.Evaluate(Context, _now, out var reason, out var decider);
        return new FlagEvaluation(
            flag.Name, enabled, flag.GetVariant(Context, _now), reason, flag.Definition, flag.Sources, flag.DecidingSource(reason, decider), flag.ShorthandAsEnabled, CompiledFlag.DecidingRule(decider));
    }

    /// <summary>Finds a flag for a read, reporting an unknown one and recording the evaluation when observed.</summary>
    private CompiledFlag? Find(string flag) => Touch(FindUnrecorded(flag));

    private CompiledFlag? Find(FlagKey flag) => Touch(FindUnrecorded(flag));

    /// <summary>Finds a flag, reporting it when unknown; a known flag's evaluation is the caller's to record.</summary>
    private CompiledFlag? FindUnrecorded(string flag) => _table.Find(flag) ?? Unknown(flag);

    private CompiledFlag? FindUnrecorded(FlagKey flag) => _table.Find(flag) ?? Unknown(flag.NameOrNull);

    private CompiledFlag? Touch(CompiledFlag? flag)
    {
        if (flag is not null)
        {
            _telemetry?.Touch(flag, Context, _now);
        }

        return flag;
    }

    private CompiledFlag? Unknown(string? flag)
    {
        if (_telemetry is null)
        {
            _table.ReportUnknown(flag);
        }
        else
        {
            _telemetry.ReadUnknown(flag, Context);
        }

        return null;
    }

    /// <summary>
    /// The served variant's value, bound when the table was compiled: the same object on every read. A value of another
    /// type than <typeparamref name="T"/> is a programming error, reported at the first read that meets one.
    /// </summary>
    private T? ValueOf<T>(CompiledFlag? flag)
    {
        if (flag is null || flag.VariantIndex(Context, _now) is not (>= 0 and var index))
        {
            return default;
        }

        return flag.Variants.Values[index] switch
        {
            T value => value,
            null => default,
            var other => throw WrongType(flag, other.GetType(), typeof(T)),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InvalidOperationException WrongType(CompiledFlag flag, Type actual, Type requested)
    {
        var bound = flag.Variants.ValueType ?? actual;
        return new($"The flag '{flag.Name}' binds its variant values to {bound.Name}, not {requested.Name}: " +
            (flag.Definition?.VariantType is null && bound == typeof(Microsoft.Extensions.Configuration.IConfigurationSection)
                ? $"declare [Flag(..., VariantType = typeof({requested.Name}))] to bind them to {requested.Name}, or read them as IConfigurationSection."
                : $"read them as {bound.Name}."));
    }
}
