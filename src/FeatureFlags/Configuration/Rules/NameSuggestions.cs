// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Configuration;

/// <summary>Finds the names closest to a misspelt one, for "did you mean" hints.</summary>
internal static class NameSuggestions
{
    /// <summary>The candidates within a small edit distance of <paramref name="name"/>, closest first.</summary>
    public static List<string> Nearest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var threshold = Math.Max(2, name.Length / 3);
        var scored = new List<KeyValuePair<int, string>>();
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= threshold)
            {
                scored.Add(new KeyValuePair<int, string>(distance, candidate));
            }
        }

        scored.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value));
        var result = new List<string>();
        for (var i = 0; i < scored.Count && i < max; i++)
        {
            result.Add(scored[i].Value);
        }

        return result;
    }

    /// <summary>" (did you mean 'A' or 'B'?)", or an empty string when nothing is close.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var nearest = Nearest(name, candidates);
        if (nearest.Count == 0)
        {
            return string.Empty;
        }

        return " (did you mean '" + string.Join("' or '", nearest) + "'?)";
    }

    // Optimal string alignment distance: a transposition ("Enabeld") counts as one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
