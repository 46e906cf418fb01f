namespace FeatureFlags.Tool;

/// <summary>A mistake in what the tool was asked to do: printed as one line, with exit code 2.</summary>
internal sealed class ToolException(string message) : Exception(message);
