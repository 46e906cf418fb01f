using FeatureFlags.Validation;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Configuration;

/// <summary>
/// The keys of one provider below a section, as a tree built in one scan: what walking the provider
/// with <see cref="IConfigurationProvider.GetChildKeys"/> and <see cref="IConfigurationProvider.TryGet"/>
/// gives, at a cost linear in the number of keys. Children are distinct ignoring case and sorted as
/// providers sort them (<see cref="ConfigurationKeyComparer"/>).
/// </summary>
/// <remarks>
/// Keys nesting deeper than <see cref="FlagRules.MaxDepthBelowFlag"/> below a flag are not followed: the
/// property they start under is listed in <see cref="TooDeep"/> instead, so a key of any depth costs work
/// linear in its length, never a node (and a path string) per level.
/// </remarks>
internal sealed class KeyTree
{
    // The section is depth 0, a flag depth 1, its properties depth 2.
    private const int MaxDepth = 1 + FlagRules.MaxDepthBelowFlag;

    public KeyTree(string section, IEnumerable<KeyValuePair<string, string?>> data)
    {
        // Most keys of a flags-only source are flags: sizing the root for all of them saves regrowing it.
        Root = new Node(section, section, data is ICollection<KeyValuePair<string, string?>> all ? all.Count : 0);
        foreach (var (key, value) in data)
        {
            if (key.Length == section.Length && string.Equals(key, section, StringComparison.OrdinalIgnoreCase))
            {
                // The section itself given a value: a problem unless empty, which the reader reports.
                Root.SetValue(key, value);
                continue;
            }

            if (key.Length <= section.Length + 1 || key[section.Length] != ':' || !key.StartsWith(section, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            Add(key, value, section.Length + 1);
        }
    }

    public Node Root { get; }

    /// <summary>The properties (depth 2 nodes) under which some key nests too deep, each listed once.</summary>
    public List<Node>? TooDeep { get; private set; }

    /// <summary>Converts a node and everything below it to the provider-independent <see cref="FlagNode"/>.</summary>
    public static FlagNode ToFlagNode(Node node, ConfigurationLayer layer)
    {
        List<KeyValuePair<string, FlagNode>>? children = null;
        if (node.Children is { Count: > 0 })
        {
            children = new List<KeyValuePair<string, FlagNode>>(node.Children.Count);
            foreach (var child in node.SortedChildren())
            {
                children.Add(new(child.Segment, ToFlagNode(child, layer)));
            }
        }

        return new FlagNode(node.Value, children, layer.SourceOf(node.Path));
    }

    private void Add(string key, string? value, int start)
    {
        var node = Root;
        Node? property = null;
        for (var depth = 1; ; depth++)
        {
            var end = key.IndexOf(':', start);
            var isLast = end < 0;
            node = node.Child(key, start, isLast ? key.Length : end);
            if (depth == 2)
            {
                property = node;
            }

            if (isLast)
            {
                node.SetValue(key, value);
                return;
            }

            if (depth == MaxDepth)
            {
                if (!property!.IsTooDeep)
                {
                    property.IsTooDeep = true;
                    (TooDeep ??= []).Add(property);
                }

                return;
            }

            start = end + 1;
        }
    }

    /// <summary>A path in the tree: its last segment, the key it stands for, its value and its children.</summary>
    internal sealed class Node(string segment, string path, int expectedChildren = 0)
    {
        // Above this many children a dictionary finds a child; below it, a scan is cheaper than hashing.
        private const int ScanLimit = 8;

        private Dictionary<string, Node>? _lookup;

        public string Segment { get; } = segment;

        /// <summary>The full key, as the provider spells it when it has this very key.</summary>
        public string Path { get; private set; } = path;

        public string? Value { get; private set; }

        /// <summary>Whether some key below this node nests deeper than a flag's configuration can.</summary>
        public bool IsTooDeep { get; set; }

        /// <summary>The children, or null when there are none (most nodes are plain values).</summary>
        public List<Node>? Children { get; private set; }

        public void SetValue(string key, string? value)
        {
            Path = key;
            Value = value;
        }

        public Node Child(string key, int start, int end)
        {
            var segment = key.AsSpan(start, end - start);
            if (_lookup is null && Children is not null)
            {
                foreach (var child in Children)
                {
                    if (segment.Equals(child.Segment, StringComparison.OrdinalIgnoreCase))
                    {
                        return child;
                    }
                }
            }
#if NET9_0_OR_GREATER
            else if (_lookup is not null && _lookup.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(segment, out var found))
#else
            else if (_lookup is not null && _lookup.TryGetValue(segment.ToString(), out var found))
#endif
            {
                return found;
            }

            var created = new Node(segment.ToString(), end == key.Length ? key : key[..end]);
            (Children ??= new List<Node>(Math.Max(4, expectedChildren))).Add(created);
            if (_lookup is not null)
            {
                _lookup.Add(created.Segment, created);
            }
            else if (Children.Count > ScanLimit)
            {
                _lookup = new Dictionary<string, Node>(Math.Max(Children.Count, expectedChildren), StringComparer.OrdinalIgnoreCase);
                foreach (var child in Children)
                {
                    _lookup.Add(child.Segment, child);
                }
            }

            return created;
        }

        public IEnumerable<Node> SortedChildren()
        {
            if (Children is not { Count: > 1 })
            {
                return Children ?? [];
            }

            // Sorted when converted; the root's children (the flags) are only listed, never sorted.
            Children.Sort(static (a, b) => ConfigurationKeyComparer.Instance.Compare(a.Segment, b.Segment));
            return Children;
        }
    }
}
