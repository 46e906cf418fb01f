using System.Runtime.CompilerServices;

namespace FeatureFlags.Tables;

/// <summary>
/// Every flag of one configuration, compiled. Immutable: a reload builds a new table and swaps it in,
/// and snapshots keep the table they were created from.
/// </summary>
internal sealed class FlagTable
{
    // By FlagKey id: the typed read path. Only flags whose name code registered (declared flags, FlagKeys) have one.
    private readonly CompiledFlag?[] _byId;

    // By position plus one, as the name index finds them: the string read path. Slot 0 is "no such flag".
    private readonly CompiledFlag?[] _byPosition;
    private readonly byte[] _positionStates;
    private readonly FlagNameIndex _byName;
    private CompiledFlag[]? _sorted;

    public FlagTable(IReadOnlyCollection<CompiledFlag> flags, UnknownFlagReporter reporter)
    {
        Reporter = reporter;
        var flagArray = flags.ToArray();
        All = flagArray;

        var maxId = 0;
        var ids = new int[flagArray.Length];
        _byPosition = new CompiledFlag?[flagArray.Length + 1];
        _positionStates = new byte[flagArray.Length + 1];
        for (var i = 0; i < flagArray.Length; i++)
        {
            // Declared names are registered (code names them); names only configuration knows, up to a limit,
            // so that reloads of ever new names cannot grow the registry without end.
            var flag = flagArray[i];
            flag.Position = i;
            ids[i] = flag.Definition is not null ? FlagKeyRegistry.GetId(flag.Name) : FlagKeyRegistry.GetConfiguredId(flag.Name);
            maxId = Math.Max(maxId, ids[i]);
            _byPosition[i + 1] = flag;
            _positionStates[i + 1] = flag.State;
            HasSchedules |= flag.HasSchedule;
        }

        _byId = new CompiledFlag?[maxId + 1];
        States = new byte[maxId + 1];
        for (var i = 0; i < flagArray.Length; i++)
        {
            if (ids[i] != 0)
            {
                _byId[ids[i]] = flagArray[i];
                States[ids[i]] = flagArray[i].State;
            }
        }

        _byName = new FlagNameIndex(flagArray, ids);
    }

    /// <summary>Every flag, in no particular order.</summary>
    public IReadOnlyList<CompiledFlag> All { get; }

    /// <summary>Every flag, ordered by name. Sorted at first use: a reload of many flags need not pay for it.</summary>
    public IReadOnlyList<CompiledFlag> Flags => _sorted ?? LazyInitializer.EnsureInitialized(ref _sorted, SortByName);

    /// <summary>One <see cref="FlagState"/> per <see cref="FlagKey"/> id, for the typed read path's static answer.</summary>
    public byte[] States { get; }

    public UnknownFlagReporter Reporter { get; }

    /// <summary>Whether any flag has a schedule: only then does a snapshot read the clock.</summary>
    public bool HasSchedules { get; }

    public CompiledFlag? Find(string name) => _byPosition[_byName.Find(name)];

    /// <summary>
    /// Finds a flag by key: by id, or by name when the key was created after the table (a key's id is
    /// registered at its creation, and a table has ids only for the names registered when it was built).
    /// </summary>
    public CompiledFlag? Find(FlagKey key)
    {
        var byId = _byId;
        var id = key.Id;
        if ((uint)id < (uint)byId.Length && byId[id] is { } flag)
        {
            return flag;
        }

        return key.NameOrNull is { } name ? Find(name) : null;
    }

    /// <summary>Reads a flag by key at <paramref name="now"/> (UTC ticks): static flags answer from <see cref="States"/>, the rest evaluate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(FlagKey key, EvaluationContext context, long now)
    {
        var states = States;
        var id = key.Id;
        if ((uint)id < (uint)states.Length && states[id] >= FlagState.StaticFalse)
        {
            return states[id] == FlagState.StaticTrue;
        }

        return Evaluate(key, context, now);
    }

    /// <summary>Reads a flag by name, ignoring case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnabled(string name, EvaluationContext context, long now)
    {
        var position = _byName.Find(name);
        var state = _positionStates[position];
        return state >= FlagState.StaticFalse ? state == FlagState.StaticTrue : Evaluate(position, name, context, now);
    }

    /// <summary>The slow half of a read by key: a flag whose value depends on the context, or one the ids do not cover.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Evaluate(FlagKey key, EvaluationContext context, long now)
    {
        if (Find(key) is { } flag)
        {
            return flag.IsEnabled(context, now);
        }

        ReportUnknown(key.NameOrNull);
        return false;
    }

    /// <summary>The slow half of a read by name: a flag whose value depends on the context, or an unknown flag.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Evaluate(int position, string name, EvaluationContext context, long now)
    {
        if (_byPosition[position] is { } flag)
        {
            return flag.IsEnabled(context, now);
        }

        ReportUnknown(name);
        return false;
    }

    /// <summary>Reports a read of a flag this table does not know; <see langword="null"/> for a default <see cref="FlagKey"/>.</summary>
    public void ReportUnknown(string? name) => Reporter.Report(name, All);

    private CompiledFlag[] SortByName()
    {
        var sorted = All.ToArray();
        Array.Sort(sorted, static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return sorted;
    }
}
