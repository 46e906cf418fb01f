using FeatureFlags.Analyzers.Json;

namespace FeatureFlags.Tool.Commands;

/// <summary>Sets one flag's value in an appsettings text as a text edit: the value replaced in place, or the property (and section) added.</summary>
internal static class AppSettingsWriter
{
    public static string Set(string text, string section, string flag, string value)
    {
        var root = JsonParser.Parse(text);
        if (root.Kind != JsonKind.Object)
        {
            throw new ToolException("The settings file is not a JSON object.");
        }

        var sectionProperty = root.Properties.FirstOrDefault(p => string.Equals(p.Name, section, StringComparison.OrdinalIgnoreCase));
        if (sectionProperty is null)
        {
            return Insert(text, root, $"\"{section}\": {{ \"{flag}\": {value} }}");
        }

        var flagProperty = sectionProperty.Value.Properties.FirstOrDefault(p => string.Equals(p.Name, flag, StringComparison.OrdinalIgnoreCase));
        if (flagProperty is not null)
        {
            var span = flagProperty.Value.Span;
            return text[..span.Start] + value + text[span.End..];
        }

        return Insert(text, sectionProperty.Value, $"\"{flag}\": {value}");
    }

    /// <summary>Sets several flags in one section: a new section is written once, one flag a line, as a person would.</summary>
    public static string SetAll(string text, string section, IReadOnlyList<KeyValuePair<string, string>> flags)
    {
        var root = JsonParser.Parse(text);
        if (flags.Count == 0 || root.Kind != JsonKind.Object || root.Properties.Any(p => string.Equals(p.Name, section, StringComparison.OrdinalIgnoreCase)) || !text.Contains('\n', StringComparison.Ordinal))
        {
            return flags.Aggregate(text, (current, flag) => Set(current, section, flag.Key, flag.Value));
        }

        var indentation = root.Properties.Count == 0 ? "  " : Indentation(text, root.Properties[^1].NameSpan.Start);
        var body = string.Join(",", flags.Select(f => $"\n{indentation}{indentation}\"{f.Key}\": {f.Value}"));
        return Insert(text, root, $"\"{section}\": {{{body}\n{indentation}}}");
    }

    /// <summary>Adds a property at the end of an object, after a comma when it has properties already.</summary>
    private static string Insert(string text, JsonNode node, string property)
    {
        var close = node.Span.End - 1;
        var last = node.Properties.Count == 0 ? null : node.Properties[^1];
        var indentation = last is null ? "  " : Indentation(text, last.NameSpan.Start);
        var insertAt = last is null ? close : last.Value.Span.End;
        var separator = last is null ? string.Empty : ",";
        var newLine = text.Contains('\n', StringComparison.Ordinal) ? "\n" : " ";
        var suffix = last is null && newLine == "\n" ? newLine : string.Empty;
        return text[..insertAt] + separator + newLine + indentation + property + suffix + text[insertAt..];
    }

    private static string Indentation(string text, int position)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var indentation = text[lineStart..position];
        return string.IsNullOrWhiteSpace(indentation) ? indentation : "  ";
    }
}
