using System.Collections.Concurrent;

namespace FeatureFlags.Tables;

/// <summary>
/// Gives every flag name a small dense id, so that flag tables can index by id and a typed read is an array
/// access. Names that code reads by (declared flags, <see cref="FlagKey"/>s) are always registered; they are
/// bounded by the code. Names only configuration knows are registered up to <see cref="ConfiguredNameLimit"/>,
/// so that reloads with ever new names cannot grow the registry without end; past the limit such a name
/// gets no id, and its reads by key take the table's name lookup instead. Id 0 is never given out: it is
/// what a default <see cref="FlagKey"/> carries. Thread-safe.
/// </summary>
internal static class FlagKeyRegistry
{
    /// <summary>How many names only configuration knows are registered at most.</summary>
    public const int ConfiguredNameLimit = 10_000;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.OrdinalIgnoreCase);
    private static int _lastId;
    private static int _configuredNames;

    /// <summary>The id of <paramref name="name"/>, registering it when new.</summary>
    public static int GetId(string name) => Ids.GetOrAdd(name, static _ => Interlocked.Increment(ref _lastId));

    /// <summary>
    /// The id of a name only configuration knows: registered while fewer than <see cref="ConfiguredNameLimit"/>
    /// such names are; otherwise its id when already registered, or 0.
    /// </summary>
    public static int GetConfiguredId(string name)
    {
        if (Ids.TryGetValue(name, out var id))
        {
            return id;
        }

        // Racing threads may pass the limit by a few names: the bound is what matters, not its exact value.
        if (Volatile.Read(ref _configuredNames) >= ConfiguredNameLimit)
        {
            return 0;
        }

        Interlocked.Increment(ref _configuredNames);
        return GetId(name);
    }

    /// <summary>The id of <paramref name="name"/> when registered, otherwise 0; never registers.</summary>
    public static int FindId(string name) => Ids.TryGetValue(name, out var id) ? id : 0;
}
