// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>A list of segment names in configuration: where it is, and the names it gives. Immutable.</summary>
internal sealed class SegmentReference
{
    public SegmentReference(string path, string[] names, FlagOrigin? origin)
    {
        Path = path;
        Names = names;
        Origin = origin;
    }

    /// <summary>The list's configuration path, such as <c>FeatureFlags:NewCheckout:Segments</c>.</summary>
    public string Path { get; }

    public string[] Names { get; }

    public FlagOrigin? Origin { get; }
}
