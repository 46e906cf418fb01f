using System.Globalization;
using System.Text.Json;
using FeatureFlags.Validation;

namespace FeatureFlags.Etcd.Configuration;

/// <summary>
/// A flag's JSON value as configuration keys, the way the JSON file provider writes <c>appsettings.json</c>: objects by
/// property, lists by index, an empty object or list as a key without a value. The core then reads, validates and merges
/// an etcd value exactly as it would the same text in a file.
/// </summary>
internal static class FlagJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Adds the keys of <paramref name="json"/> under <paramref name="path"/> to <paramref name="data"/>. Text that is not
    /// JSON is added as it is, as the flag's value: validation then rejects it with the flag's path and source, and the
    /// last good flags stay.
    /// </summary>
    /// <returns>The JSON error, or null when the text parsed.</returns>
    public static string? Flatten(string path, string json, IDictionary<string, string?> data)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            Add(path, document.RootElement, data);
            return null;
        }
        catch (JsonException e)
        {
            data[path] = json;
            return e.Message;
        }
    }

    /// <summary>
    /// <paramref name="json"/> as the node the core's rules validate, read the way <see cref="Flatten"/> writes it.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static FlagNode ToNode(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        return ToNode(document.RootElement);
    }

    private static FlagNode ToNode(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.Object => new FlagNode(null, element.EnumerateObject().Select(p => new KeyValuePair<string, FlagNode>(p.Name, ToNode(p.Value))).ToList(), null),
            JsonValueKind.Array => new FlagNode(
                null,
                element.EnumerateArray().Select((item, i) => new KeyValuePair<string, FlagNode>(i.ToString(CultureInfo.InvariantCulture), ToNode(item))).ToList(),
                null),
            JsonValueKind.String => new FlagNode(element.GetString(), null, null),
            JsonValueKind.Null => new FlagNode(string.Empty, null, null),
            _ => new FlagNode(element.GetRawText(), null, null),
        };

    private static void Add(string path, JsonElement element, IDictionary<string, string?> data)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var anyProperty = false;
                foreach (var property in element.EnumerateObject())
                {
                    anyProperty = true;
                    Add(path + ":" + property.Name, property.Value, data);
                }

                if (!anyProperty)
                {
                    data[path] = null;
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Add(path + ":" + index.ToString(CultureInfo.InvariantCulture), item, data);
                    index++;
                }

                if (index == 0)
                {
                    data[path] = null;
                }

                break;
            case JsonValueKind.String:
                data[path] = element.GetString();
                break;
            case JsonValueKind.Null:
                data[path] = string.Empty;
                break;
            default:
                // Numbers and booleans as written: validation parses them with invariant culture.
                data[path] = element.GetRawText();
                break;
        }
    }
}
