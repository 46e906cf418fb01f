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

    /// <summary>
    /// The value at <paramref name="path"/> below this object: property names separated by <c>:</c>, compared ignoring
    /// case as configuration compares keys; null when a name is missing or a step is not an object.
    /// </summary>
    public JsonNode? At(string path)
    {
        var node = this;
        foreach (var name in path.Split(':'))
        {
            JsonNode? next = null;
            if (node.Kind == JsonKind.Object)
            {
                foreach (var property in node.Properties)
                {
                    if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        next = property.Value;
                        break;
                    }
                }
            }

            if (next == null)
            {
                return null;
            }

            node = next;
        }

        return node;
    }
}
