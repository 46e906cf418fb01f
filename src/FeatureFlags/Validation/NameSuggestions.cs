// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// Finds the names closest to a misspelt one, for "did you mean" hints. The work is bounded whatever
/// the input: names longer than <see cref="MaxNameLength"/> get no suggestions, candidates whose length
/// alone rules them out are skipped, each comparison stops once it cannot come close, and one search
/// compares at most <see cref="CellBudget"/> character pairs. A hint is a courtesy, never worth a
/// slow read or a large allocation.
/// </summary>
internal static class NameSuggestions
{
    /// <summary>Names (and candidates) longer than this get no suggestions.</summary>
    public const int MaxNameLength = 128;

    /// <summary>The most character pairs one search compares, across all candidates.</summary>
    public const int CellBudget = 1000000;

    /// <summary>The candidates within a small edit distance of <paramref name="name"/>, closest first.</summary>
    public static List<string> Nearest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var result = new List<string>();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return result;
        }

        var threshold = Math.Max(2, name.Length / 3);
        var upper = name.ToUpperInvariant();
        var rows = new Rows(name.Length + threshold + 1);
        var budget = CellBudget;
        var scored = new List<KeyValuePair<int, string>>();
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) > threshold)
            {
                continue;
            }

            // A banded comparison computes at most this many cells.
            var cost = name.Length * ((2 * threshold) + 1);
            if (cost > budget)
            {
                break;
            }

            budget -= cost;
            var distance = Distance(upper, candidate, threshold, rows);
            if (distance <= threshold)
            {
                scored.Add(new KeyValuePair<int, string>(distance, candidate));
            }
        }

        scored.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value));
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

    /// <summary>
    /// Optimal string alignment distance (a transposition such as "Enabeld" counts as one edit), ignoring
    /// case, computed only within <paramref name="threshold"/> of the diagonal; threshold + 1 when farther.
    /// </summary>
    /// <param name="a">The name, upper-cased.</param>
    /// <param name="b">The candidate, as written.</param>
    /// <param name="threshold">The largest distance of interest.</param>
    /// <param name="rows">Three rows of at least <c>b.Length + 1</c> cells, reused across candidates.</param>
    private static int Distance(string a, string b, int threshold, Rows rows)
    {
        var far = threshold + 1;
        var previous2 = rows.A;
        var previous = rows.B;
        var current = rows.C;
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var low = Math.Max(1, i - threshold);
            var high = Math.Min(b.Length, i + threshold);

            // Cells just outside the band read as too far, so stale values from earlier rows never leak in.
            current[low - 1] = low == 1 ? i : far;
            if (high < b.Length)
            {
                current[high + 1] = far;
            }

            var rowMinimum = current[low - 1];
            for (var j = low; j <= high; j++)
            {
                var bj = char.ToUpperInvariant(b[j - 1]);
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == bj ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == char.ToUpperInvariant(b[j - 2]) && a[i - 2] == bj)
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > threshold)
            {
                return far;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], far);
    }

    private sealed class Rows
    {
        public Rows(int length)
        {
            A = new int[length];
            B = new int[length];
            C = new int[length];
        }

        public int[] A { get; }

        public int[] B { get; }

        public int[] C { get; }
    }
}
