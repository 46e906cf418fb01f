using System.Collections.Frozen;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Every flag of one configuration, compiled. Immutable: a reload builds a new table and swaps it in,
/// and snapshots keep the table they were created from.
/// </summary>
internal sealed class FlagTable
{
    private readonly CompiledFlag?[] _byId;
    private readonly FrozenDictionary<string, CompiledFlag> _byName;

    public FlagTable(IReadOnlyCollection<CompiledFlag> flags, UnknownFlagReporter reporter)
    {
        Reporter = reporter;
        _byName = flags.ToFrozenDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var withIds = flags.Select(f => (Id: FlagKeyRegistry.GetId(f.Name), Flag: f)).ToList();
        _byId = new CompiledFlag?[withIds.Count == 0 ? 1 : withIds.Max(f => f.Id) + 1];
        foreach (var (id, flag) in withIds)
        {
            _byId[id] = flag;
        }

        Flags = flags.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Every flag, ordered by name.</summary>
    public IReadOnlyList<CompiledFlag> Flags { get; }

    public UnknownFlagReporter Reporter { get; }

    public CompiledFlag? Find(string name) => _byName.GetValueOrDefault(name);

    public CompiledFlag? Find(FlagKey key)
    {
        var byId = _byId;
        var id = key.Id;
        return (uint)id < (uint)byId.Length ? byId[id] : null;
    }
}
