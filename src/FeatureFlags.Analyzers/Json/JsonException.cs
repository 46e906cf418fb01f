namespace FeatureFlags.Analyzers.Json;

/// <summary>The text is not JSON the configuration system would read; <see cref="Position"/> says where.</summary>
internal sealed class JsonException : Exception
{
    public JsonException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}
