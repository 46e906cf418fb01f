using System.Collections.Concurrent;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Gives a small dense id to every name that code reads flags by, so that flag tables can index by id:
/// the names of <see cref="FlagKey"/>s and of declared flags. Both come from code, so the registry is
/// bounded by the code; names only configuration knows are never registered, and reloads with ever new
/// names leave nothing behind here. Id 0 is never given out: it is what a default <see cref="FlagKey"/> carries.
/// </summary>
internal static class FlagKeyRegistry
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.OrdinalIgnoreCase);
    private static int _lastId;

    /// <summary>How many names are registered.</summary>
    public static int Count => Ids.Count;

    /// <summary>The id of <paramref name="name"/>, registering it when new.</summary>
    public static int GetId(string name) => Ids.GetOrAdd(name, static _ => Interlocked.Increment(ref _lastId));

    /// <summary>The id of <paramref name="name"/> when registered, otherwise 0; never registers.</summary>
    public static int FindId(string name) => Ids.TryGetValue(name, out var id) ? id : 0;
}
