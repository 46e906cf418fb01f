// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>Finds cycles among named things that name each other: segments that include segments, flags that require flags.</summary>
internal static class Cycles
{
    /// <summary>
    /// Walks from each of <paramref name="starts"/> along <paramref name="next"/> and reports each cycle once, as the chain
    /// of names from the first name on it back to that name (<c>A → B → A</c>).
    /// </summary>
    /// <param name="starts">The names to walk from.</param>
    /// <param name="next">The names a name leads to, or null when the name is unknown (it is then not walked).</param>
    /// <param name="report">Receives the name the cycle closed at and the chain.</param>
    public static void Find(IEnumerable<string> starts, Func<string, IEnumerable<string>?> next, Action<string, string> report)
    {
        // 0: not seen, 1: on the current chain, 2: done.
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in starts)
        {
            Walk(name, next, state, new List<string>(), report);
        }
    }

    private static void Walk(string name, Func<string, IEnumerable<string>?> next, Dictionary<string, int> state, List<string> chain, Action<string, string> report)
    {
        int seen;
        state.TryGetValue(name, out seen);
        var targets = seen == 2 ? null : next(name);
        if (targets == null)
        {
            return;
        }

        if (seen == 1)
        {
            var start = chain.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            report(name, string.Join(" → ", chain.Skip(start).Concat(new[] { name })));
            return;
        }

        state[name] = 1;
        chain.Add(name);
        foreach (var target in targets)
        {
            Walk(target, next, state, chain, report);
        }

        chain.RemoveAt(chain.Count - 1);
        state[name] = 2;
    }
}
