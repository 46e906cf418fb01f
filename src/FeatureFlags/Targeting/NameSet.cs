namespace FeatureFlags.Targeting;

/// <summary>
/// An allow-list of users or groups, compared ignoring case (or, for Microsoft.FeatureManagement's audiences, ordinally).
/// Short lists (the usual case) are a plain array: a few length checks beat hashing the key, and building one costs
/// next to nothing on a reload of thousands of flags. Long lists are a hash set. Immutable after construction; thread-safe.
/// </summary>
/// <remarks>
/// Either way a candidate is first matched by <see cref="Hash"/>, which ignores case: names equal ordinally are equal
/// ignoring case too, so the hash the context computed once serves both comparisons.
/// </remarks>
internal sealed class NameSet
{
    private const int ScanLimit = 8;

    private readonly StringComparison _comparison;

    private readonly string[]? _items;
    private readonly int[]? _hashes;
    private readonly HashSet<string>? _set;

    /// <param name="items">The names.</param>
    /// <param name="caseSensitive">Whether names compare ordinally, as Microsoft.FeatureManagement compares them, instead of ignoring case.</param>
    public NameSet(string[] items, bool caseSensitive = false)
    {
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (items.Length <= ScanLimit)
        {
            _items = items;
            _hashes = items.Select(Hash).ToArray();
        }
        else
        {
            _set = new HashSet<string>(items, caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The hash <see cref="Contains(string, int)"/> takes: ignoring case, this process's.</summary>
    public static int Hash(string name) => StringComparer.OrdinalIgnoreCase.GetHashCode(name);

    public bool Contains(string name) => Contains(name, _items is null ? 0 : Hash(name));

    /// <summary>
    /// Whether the set holds <paramref name="name"/>, whose <see cref="Hash"/> the caller computed once (a context does,
    /// when it is made): on a short list, names are compared only where the hashes agree.
    /// </summary>
    public bool Contains(string name, int hash)
    {
        if (_items is { } items)
        {
            var hashes = _hashes!;
            for (var i = 0; i < items.Length; i++)
            {
                if (hashes[i] == hash && string.Equals(items[i], name, _comparison))
                {
                    return true;
                }
            }

            return false;
        }

        return _set!.Contains(name);
    }

    /// <summary>Whether the set holds the context's key (never, for an anonymous context).</summary>
    public bool ContainsKeyOf(EvaluationContext context) => context.Key is { } key && Contains(key, context.KeyHash);

    /// <summary>Whether the set holds any of the context's groups.</summary>
    public bool ContainsAnyGroupOf(EvaluationContext context)
    {
        var groups = context.GroupArray;
        var hashes = context.GroupHashes;
        for (var i = 0; i < groups.Length; i++)
        {
            if (Contains(groups[i], hashes[i]))
            {
                return true;
            }
        }

        return false;
    }
}
