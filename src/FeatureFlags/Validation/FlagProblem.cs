// Shared with the analyzers (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>One thing wrong with flag configuration, at its full configuration path.</summary>
internal sealed class FlagProblem
{
    public FlagProblem(string path, string message, FlagOrigin? origin)
    {
        Path = path;
        Message = message;
        Origin = origin;
    }

    /// <summary>The full configuration path, such as <c>FeatureFlags:NewCheckout:Rollout</c>.</summary>
    public string Path { get; }

    public string Message { get; }

    /// <summary>The <see cref="FlagNode.Origin"/> of the offending node, when known.</summary>
    public FlagOrigin? Origin { get; }

    public override string ToString() => FlagRules.Shorten(Path, FlagRules.MaxPathLength) + ": " + Message;
}
