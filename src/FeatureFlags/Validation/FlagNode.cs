// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// One configuration value or object, independent of where it was read: the runtime builds these from
/// <c>IConfiguration</c> providers, the analyzers from <c>appsettings*.json</c> text.
/// </summary>
internal sealed class FlagNode
{
    private static readonly IReadOnlyList<KeyValuePair<string, FlagNode>> NoChildren = new KeyValuePair<string, FlagNode>[0];

    public FlagNode(string? value, IReadOnlyList<KeyValuePair<string, FlagNode>>? children, FlagOrigin? origin)
    {
        Value = value;
        Children = children ?? NoChildren;
        Origin = origin;
    }

    /// <summary>The scalar value, or null for an object, a list or an empty value.</summary>
    public string? Value { get; }

    /// <summary>Properties of an object, or items of a list keyed "0", "1", ….</summary>
    public IReadOnlyList<KeyValuePair<string, FlagNode>> Children { get; }

    /// <summary>Where the node came from: a configuration source at run time, a file position at build time.</summary>
    public FlagOrigin? Origin { get; }

    public bool HasChildren => Children.Count > 0;

    /// <summary>
    /// Configuration's own merge of a later source over an earlier one, as Microsoft.FeatureManagement reads its
    /// sections: <paramref name="later"/>'s value where it has one, and the union of the children, merged alike. The
    /// result may hold a value and children both.
    /// </summary>
    public static FlagNode MergeKeyByKey(FlagNode earlier, FlagNode later)
    {
        var children = new List<KeyValuePair<string, FlagNode>>(earlier.Children);
        if (later.HasChildren)
        {
            // Indexed, not searched: a list of thousands of users in both sources would otherwise cost millions of comparisons.
            var positions = new Dictionary<string, int>(children.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < children.Count; i++)
            {
                if (!positions.ContainsKey(children[i].Key))
                {
                    positions.Add(children[i].Key, i);
                }
            }

            foreach (var child in later.Children)
            {
                int i;
                if (positions.TryGetValue(child.Key, out i))
                {
                    children[i] = new KeyValuePair<string, FlagNode>(children[i].Key, MergeKeyByKey(children[i].Value, child.Value));
                }
                else
                {
                    positions[child.Key] = children.Count;
                    children.Add(child);
                }
            }
        }

        // The origin is the value's, so that a problem with the value names the source it came from.
        return new FlagNode(later.Value ?? earlier.Value, children, later.Value != null || earlier.Value == null ? later.Origin : earlier.Origin);
    }
}
