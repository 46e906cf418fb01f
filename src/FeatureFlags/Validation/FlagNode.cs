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
}
