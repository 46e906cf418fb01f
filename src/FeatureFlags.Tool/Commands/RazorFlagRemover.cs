using System.Text.RegularExpressions;

namespace FeatureFlags.Tool.Commands;

/// <summary>
/// Removes a flag from Razor markup, which no code fix reaches: <c>&lt;flag name="@Flags.X"&gt;</c> elements (with
/// <c>variant</c> or <c>negate</c>) keep their content or go, as the kept value decides, and a <c>feature-flag</c>
/// attribute goes (kept on) or takes its element with it (kept off). A text rewrite: the rest of the view stays as written.
/// </summary>
internal static partial class RazorFlagRemover
{
    /// <summary>The view without the flag, and how many uses were rewritten; null when it does not name the flag.</summary>
    public static (string Text, int Uses)? Remove(string text, string flagName, string memberName, bool keepOn, string? variant)
    {
        var reference = "\"(?:@(?:[A-Za-z_][\\w.]*\\.)?" + Regex.Escape(memberName) + "|" + Regex.Escape(flagName) + ")\"";
        var uses = 0;
        var elements = new Regex("(?<indent>^[ \\t]*)?<flag\\s+name=" + reference + "(?<attributes>[^>]*)>(?<inner>.*?)</flag>(?<eol>[ \\t]*\\r?\\n)?", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        text = elements.Replace(text, match =>
        {
            uses++;
            var attributes = match.Groups["attributes"].Value;
            var shown = VariantOf(attributes) is { } required
                ? keepOn && string.Equals(required, variant, StringComparison.OrdinalIgnoreCase)
                : attributes.Contains("negate", StringComparison.OrdinalIgnoreCase) ? !keepOn : keepOn;
            return shown ? match.Groups["indent"].Value + match.Groups["inner"].Value.Trim() + match.Groups["eol"].Value : string.Empty;
        });

        var attribute = new Regex("\\s+feature-flag=" + reference, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(2));
        while (attribute.Match(text) is { Success: true } match)
        {
            uses++;
            text = keepOn ? text.Remove(match.Index, match.Length) : RemoveElement(text, match.Index);
        }

        return uses == 0 ? null : (text, uses);
    }

    private static string? VariantOf(string attributes) =>
        VariantAttribute().Match(attributes) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Removes the element whose start tag holds <paramref name="position"/>, with its line when it has one to itself.</summary>
    private static string RemoveElement(string text, int position)
    {
        var start = text.LastIndexOf('<', position);
        var name = TagName().Match(text, start + 1).Value;
        var close = "</" + name + ">";
        var startTagEnd = text.IndexOf('>', position);
        var end = text[startTagEnd - 1] == '/' ? startTagEnd + 1 : text.IndexOf(close, startTagEnd, StringComparison.OrdinalIgnoreCase) + close.Length;
        var lineStart = text.LastIndexOf('\n', start) + 1;
        if (string.IsNullOrWhiteSpace(text[lineStart..start]))
        {
            start = lineStart;
            var lineEnd = text.IndexOf('\n', end);
            if (lineEnd >= 0 && string.IsNullOrWhiteSpace(text[end..lineEnd]))
            {
                end = lineEnd + 1;
            }
        }

        return text.Remove(start, end - start);
    }

    [GeneratedRegex("variant=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex VariantAttribute();

    [GeneratedRegex("[A-Za-z][\\w:-]*")]
    private static partial Regex TagName();
}
