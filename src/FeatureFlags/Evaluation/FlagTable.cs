using System.Runtime.CompilerServices;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Every flag of one configuration, compiled. Immutable: a reload builds a new table and swaps it in,
/// and snapshots keep the table they were created from.
/// </summary>
internal sealed class FlagTable
{
    private readonly CompiledFlag?[] _byId;
    private readonly FlagNameIndex _byName;
    private CompiledFlag[]? _sorted;

    public FlagTable(IReadOnlyCollection<CompiledFlag> flags, UnknownFlagReporter reporter)
    {
        Reporter = reporter;
        var flagArray = flags.ToArray();
        All = flagArray;

        var maxId = 0;
        var ids = new int[flagArray.Length];
        for (var i = 0; i < flagArray.Length; i++)
        {
            ids[i] = FlagKeyRegistry.GetId(flagArray[i].Name);
            maxId = Math.Max(maxId, ids[i]);
        }

        _byId = new CompiledFlag?[maxId + 1];
        States = new byte[maxId + 1];
        for (var i = 0; i < flagArray.Length; i++)
        {
            _byId[ids[i]] = flagArray[i];
            States[ids[i]] = flagArray[i].State;
        }

        _byName = new FlagNameIndex(flagArray, ids);
    }

    /// <summary>Every flag, in no particular order.</summary>
    public IReadOnlyList<CompiledFlag> All { get; }

    /// <summary>Every flag, ordered by name. Sorted at first use: a reload of many flags need not pay for it.</summary>
    public IReadOnlyList<CompiledFlag> Flags => _sorted ?? LazyInitializer.EnsureInitialized(ref _sorted, SortByName);

    /// <summary>One <see cref="FlagState"/> per flag id, for the read path's static answer.</summary>
    public byte[] States { get; }

    public UnknownFlagReporter Reporter { get; }

    public CompiledFlag? Find(string name)
    {
        var id = _byName.Find(name);
        return id == 0 ? null : _byId[id];
    }

    public CompiledFlag? Find(FlagKey key)
    {
        var byId = _byId;
        var id = key.Id;
        return (uint)id < (uint)byId.Length ? byId[id] : null;
    }

    /// <summary>The id of a flag of this table by name, or 0 when the table has none.</summary>
    public int FindId(string name) => _byName.Find(name);

    /// <summary>Reads a flag by key: static flags answer from <see cref="States"/>, the rest evaluate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(FlagKey key, EvaluationContext context)
    {
        var states = States;
        var id = key.Id;
        if ((uint)id < (uint)states.Length && states[id] >= FlagState.StaticFalse)
        {
            return states[id] == FlagState.StaticTrue;
        }

        return Evaluate(id, key.Name, context);
    }

    /// <summary>Reads a flag by name, ignoring case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(string name, EvaluationContext context)
    {
        var id = _byName.Find(name);
        var state = States[id];
        return state >= FlagState.StaticFalse ? state == FlagState.StaticTrue : Evaluate(id, name, context);
    }

    /// <summary>The slow half of a read: a flag whose value depends on the context, or an unknown flag.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Evaluate(int id, string name, EvaluationContext context)
    {
        var byId = _byId;
        if ((uint)id < (uint)byId.Length && byId[id] is { } flag)
        {
            return flag.IsEnabled(context);
        }

        ReportUnknown(name);
        return false;
    }

    public void ReportUnknown(string name) => Reporter.Report(name, All);

    private CompiledFlag[] SortByName()
    {
        var sorted = All.ToArray();
        Array.Sort(sorted, static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return sorted;
    }
}
