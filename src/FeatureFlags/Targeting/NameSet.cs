namespace FeatureFlags.Targeting;

/// <summary>
/// An allow-list of users or groups, compared ignoring case. Short lists (the usual case) are a plain
/// array: a few length checks beat hashing the key, and building one costs next to nothing on a reload
/// of thousands of flags. Long lists are a hash set. Immutable after construction; thread-safe.
/// </summary>
internal sealed class NameSet
{
    private const int ScanLimit = 8;

    private readonly string[]? _items;
    private readonly HashSet<string>? _set;

    public NameSet(string[] items)
    {
        if (items.Length <= ScanLimit)
        {
            _items = items;
        }
        else
        {
            _set = new HashSet<string>(items, StringComparer.OrdinalIgnoreCase);
        }
    }

    public bool Contains(string name)
    {
        if (_items is { } items)
        {
            foreach (var item in items)
            {
                if (string.Equals(item, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        return _set!.Contains(name);
    }
}
