using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Analyzers.Json;

/// <summary>A JSON value with its position in the file.</summary>
internal sealed class JsonNode
{
    private static readonly IReadOnlyList<JsonProperty> NoProperties = new JsonProperty[0];
    private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

    public JsonNode(JsonKind kind, TextSpan span, string? text = null, IReadOnlyList<JsonProperty>? properties = null, IReadOnlyList<JsonNode>? items = null)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Properties = properties ?? NoProperties;
        Items = items ?? NoItems;
    }

    public JsonKind Kind { get; }

    /// <summary>From the first to the last character of the value.</summary>
    public TextSpan Span { get; }

    /// <summary>A string's unescaped value or a number's text; null otherwise.</summary>
    public string? Text { get; }

    public IReadOnlyList<JsonProperty> Properties { get; }

    public IReadOnlyList<JsonNode> Items { get; }
}
