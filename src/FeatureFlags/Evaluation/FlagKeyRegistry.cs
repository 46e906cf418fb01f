using System.Collections.Concurrent;

namespace FeatureFlags.Evaluation;

/// <summary>
/// Gives every flag name seen in this process a small dense id, so that flag tables can index by id.
/// Id 0 is never given out: it is what a default <see cref="FlagKey"/> carries.
/// </summary>
internal static class FlagKeyRegistry
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.OrdinalIgnoreCase);
    private static int _lastId;

    public static int GetId(string name) => Ids.GetOrAdd(name, static _ => Interlocked.Increment(ref _lastId));
}
