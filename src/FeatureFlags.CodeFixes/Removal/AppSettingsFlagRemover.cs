using FeatureFlags.Analyzers.Json;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// Removes one flag's key from the flags section of an <c>appsettings*.json</c> text, as a text edit: the rest of the file,
/// its formatting and its comments stay as they are. The property goes with its line when it has one to itself, and
/// with the comma that separated it from its neighbour.
/// </summary>
internal static class AppSettingsFlagRemover
{
    /// <summary>The text without the flag, or null when the file does not name it (or is not JSON the configuration reads).</summary>
    public static SourceText? Remove(SourceText text, string flag, string sectionName)
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(text.ToString());
        }
        catch (JsonException)
        {
            return null;
        }

        var section = root.At(sectionName) is { Kind: JsonKind.Object } found ? found : null;
        var index = section is null ? -1 : IndexOf(section, flag);
        if (section is null || index < 0)
        {
            return null;
        }

        var content = text.ToString();
        var properties = section.Properties;
        var property = properties[index];
        int start = property.NameSpan.Start, end = property.Value.Span.End;
        if (index < properties.Count - 1)
        {
            // Up to the next property: this one's comma goes with it.
            end = properties[index + 1].NameSpan.Start;
            start = LineStartIfBlank(content, start);
            end = LineStartIfBlank(content, end);
        }
        else if (index > 0)
        {
            // The last one: the comma before it goes, so the previous property ends the object.
            start = properties[index - 1].Value.Span.End;
        }
        else
        {
            // The only one: the object is left empty, on the lines it had.
            start = LineStartIfBlank(content, start);
            end = LineEndOf(content, end);
        }

        return text.WithChanges(new TextChange(TextSpan.FromBounds(start, end), string.Empty));
    }

    private static int IndexOf(JsonNode node, string name)
    {
        for (var i = 0; i < node.Properties.Count; i++)
        {
            if (string.Equals(node.Properties[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The start of <paramref name="position"/>'s line when only white space precedes it there.</summary>
    private static int LineStartIfBlank(string content, int position)
    {
        var start = position;
        while (start > 0 && (content[start - 1] == ' ' || content[start - 1] == '\t'))
        {
            start--;
        }

        return start == 0 || content[start - 1] == '\n' ? start : position;
    }

    /// <summary>Past the line break that ends <paramref name="position"/>'s line, when only white space and a comma follow it.</summary>
    private static int LineEndOf(string content, int position)
    {
        var end = position;
        while (end < content.Length && (content[end] == ' ' || content[end] == '\t' || content[end] == ','))
        {
            end++;
        }

        if (end < content.Length && content[end] == '\r')
        {
            end++;
        }

        return end < content.Length && content[end] == '\n' ? end + 1 : position;
    }
}
