using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Analyzers.Json;

/// <summary>A property of a JSON object: its name, where the name is, and its value.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}
