using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis.Text;

namespace FeatureFlags.Analyzers.Json;

/// <summary>
/// Checks the <c>FeatureFlags</c> section of one appsettings file with the runtime's own rules
/// (<see cref="FlagRules"/>), seeing the file as the configuration system's JSON provider would.
/// </summary>
internal static class AppSettingsChecker
{
    /// <summary>Problems in the file; each origin is the <see cref="TextSpan"/> to report at.</summary>
    public static List<FlagProblem> Check(string text, CompilationFlags model, string[] sectionPath)
    {
        var problems = new List<FlagProblem>();
        JsonNode root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonException e)
        {
            problems.Add(new FlagProblem("(file)", "is not valid JSON: " + e.Message, new TextSpan(e.Position, 0)));
            return problems;
        }

        CheckLevel(root, sectionPath, 0, string.Empty, model, problems);
        return problems;
    }

    /// <summary>
    /// Walks down to the flags section, matching keys as configuration does: ignoring case, and with a key
    /// such as <c>"App:Flags"</c> standing for the nested objects it names.
    /// </summary>
    private static void CheckLevel(JsonNode node, string[] sectionPath, int depth, string prefix, CompilationFlags model, List<FlagProblem> problems)
    {
        foreach (var property in node.Properties)
        {
            var covered = SegmentsMatched(property.Name, sectionPath, depth);
            if (covered == 0)
            {
                continue;
            }

            var path = prefix + property.Name;
            if (depth + covered == sectionPath.Length)
            {
                CheckSection(path, property.Value, model, problems);
            }
            else
            {
                CheckLevel(property.Value, sectionPath, depth + covered, path + ":", model, problems);
            }
        }
    }

    /// <summary>How many segments of the section path, from <paramref name="depth"/> on, the key names; 0 when it names others.</summary>
    private static int SegmentsMatched(string key, string[] sectionPath, int depth)
    {
        var segments = key.Split(':');
        if (segments.Length > sectionPath.Length - depth)
        {
            return 0;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (!string.Equals(segments[i], sectionPath[depth + i], StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }
        }

        return segments.Length;
    }

    private static void CheckSection(string sectionPath, JsonNode section, CompilationFlags model, List<FlagProblem> problems)
    {
        if (section.Kind == JsonKind.Array && section.Items.Count > 0)
        {
            // The runtime reads the items as flags named 0, 1, …, which are not valid flag names.
            problems.Add(new FlagProblem(sectionPath, "must be an object of flag names and their configuration, not a list", section.Span));
            return;
        }

        if (section.Kind != JsonKind.Object && FlagRules.SectionValueProblem(ToFlagNode(section).Value) is { } problem)
        {
            problems.Add(new FlagProblem(sectionPath, problem, section.Span));
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in section.Properties)
        {
            var path = sectionPath + ":" + flag.Name;
            if (!FlagRules.IsValidFlagName(flag.Name))
            {
                problems.Add(new FlagProblem(path, FlagRules.InvalidNameMessage(flag.Name), flag.NameSpan));
                continue;
            }

            if (!seen.Add(flag.Name))
            {
                // The JSON provider refuses a file with a key given twice (keys ignore case).
                problems.Add(new FlagProblem(path, "is given twice in this file", flag.NameSpan));
                continue;
            }

            var declarations = model.FindByName(flag.Name);
            if (declarations == null && model.Declarations.Count > 0)
            {
                problems.Add(new FlagProblem(
                    path,
                    "no catalog declares the flag " + FlagRules.Quote(flag.Name) + NameSuggestions.Hint(flag.Name, model.DeclaredNames),
                    flag.NameSpan));
            }

            FlagRules.Parse(path, ToFlagNode(flag.Value), declarations?[0].KindName, problems);
        }
    }

    /// <summary>
    /// The node the JSON configuration provider produces: lists keyed 0, 1, …; scalars as their text,
    /// true/false as "True"/"False"; null and {} as no value, and [] as an empty string (checked
    /// against Microsoft.Extensions.Configuration.Json 10.0).
    /// </summary>
    private static FlagNode ToFlagNode(JsonNode node)
    {
        switch (node.Kind)
        {
            case JsonKind.Object:
                var properties = new List<KeyValuePair<string, FlagNode>>(node.Properties.Count);
                foreach (var property in node.Properties)
                {
                    properties.Add(new KeyValuePair<string, FlagNode>(property.Name, ToFlagNode(property.Value)));
                }

                return new FlagNode(null, properties, node.Span);
            case JsonKind.Array:
                var items = new List<KeyValuePair<string, FlagNode>>(node.Items.Count);
                for (var i = 0; i < node.Items.Count; i++)
                {
                    items.Add(new KeyValuePair<string, FlagNode>(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ToFlagNode(node.Items[i])));
                }

                return new FlagNode(items.Count == 0 ? string.Empty : null, items, node.Span);
            case JsonKind.True:
                return new FlagNode("True", null, node.Span);
            case JsonKind.False:
                return new FlagNode("False", null, node.Span);
            case JsonKind.Null:
                return new FlagNode(null, null, node.Span);
            default:
                return new FlagNode(node.Text, null, node.Span);
        }
    }
}
