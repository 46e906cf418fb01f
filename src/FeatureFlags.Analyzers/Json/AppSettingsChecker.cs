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
    /// <summary>The segments section's path: the runtime's default, <c>FeatureFlagSegments</c>.</summary>
    public static readonly string[] SegmentsPath = { FlagRules.DefaultSegmentsSectionName };

    /// <summary>
    /// Problems in Microsoft.FeatureManagement's sections of the file; each origin is the <see cref="TextSpan"/> to
    /// report at. Configuration layers an environment's file over <c>appsettings.json</c>, and that library reads the
    /// two merged key by key: given <paramref name="baseText"/>, a flag (or <c>feature_flags</c> item) both define is
    /// checked merged, so a file that changes one key of it is not reported for the keys it leaves to the other.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="baseText">The text of <c>appsettings.json</c> when the file is an environment's file over it; otherwise null.</param>
    public static List<FlagProblem> CheckFeatureManagement(string text, string? baseText = null)
    {
        var problems = new List<FlagProblem>();
        var flags = FeatureManagementFlags(text);
        if (flags == null)
        {
            // Reported by the FeatureFlags section's check, once.
            return problems;
        }

        var underneath = baseText == null ? null : FeatureManagementFlags(baseText);
        foreach (var flag in flags)
        {
            var alone = new List<FlagProblem>();
            ParseFeatureManagement(flag.Key, flag.Value, alone);
            if (alone.Count > 0 && underneath != null && underneath.TryGetValue(flag.Key, out var earlier))
            {
                var merged = new List<FlagProblem>();
                ParseFeatureManagement(flag.Key, (FlagNode.MergeKeyByKey(earlier.Node, flag.Value.Node), flag.Value.Name), merged);
                if (merged.Count == 0)
                {
                    // Incomplete here, whole with what appsettings.json gives: what runs.
                    continue;
                }
            }

            problems.AddRange(alone);
        }

        return problems;
    }

    /// <summary>
    /// The flags of both Microsoft.FeatureManagement sections, keyed by their path (a list item's by its place), each with
    /// its name in the .NET schema (null for an item, named by its id); null for text that is not JSON.
    /// </summary>
    private static Dictionary<string, (FlagNode Node, string? Name)>? FeatureManagementFlags(string text)
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }

        var flags = new Dictionary<string, (FlagNode Node, string? Name)>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in root.At(FeatureManagementRules.SectionName)?.Properties ?? new JsonProperty[0])
        {
            flags[FeatureManagementRules.SectionName + ":" + flag.Name] = (ToFlagNode(flag.Value), flag.Name);
        }

        var items = root.At(MicrosoftSchemaRules.SectionName)?.Items ?? new JsonNode[0];
        for (var i = 0; i < items.Count; i++)
        {
            flags[MicrosoftSchemaRules.SectionName + ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = (ToFlagNode(items[i]), null);
        }

        return flags;
    }

    private static void ParseFeatureManagement(string path, (FlagNode Node, string? Name) flag, List<FlagProblem> problems)
    {
        if (flag.Name == null)
        {
            MicrosoftSchemaRules.Parse(path, flag.Node, problems);
        }
        else
        {
            FeatureManagementRules.Parse(path, flag.Name, flag.Node, problems);
        }
    }

    /// <summary>Problems in the file; each origin is the <see cref="TextSpan"/> to report at.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="model">The flags the compilation declares.</param>
    /// <param name="sectionPath">The flags section's path.</param>
    /// <param name="otherSegments">The segments the project's other appsettings files define, which this file's flags may name.</param>
    /// <param name="otherFlags">The flags the project's other appsettings files configure, which this file's flags may require.</param>
    public static List<FlagProblem> Check(
        string text,
        CompilationFlags model,
        string[] sectionPath,
        IDictionary<string, KeyValuePair<string, AudienceSpec>>? otherSegments = null,
        ICollection<string>? otherFlags = null)
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

        var references = new List<SegmentReference>();
        var segments = new Dictionary<string, KeyValuePair<string, AudienceSpec>>(StringComparer.OrdinalIgnoreCase);
        var flags = new Dictionary<string, KeyValuePair<string, FlagSpec>>(StringComparer.OrdinalIgnoreCase);
        CheckLevel(root, SegmentsPath, 0, string.Empty, (path, section) => CheckSegments(path, section, segments, references, problems));
        CheckLevel(root, sectionPath, 0, string.Empty, (path, section) => CheckSection(path, section, model, references, flags, problems));

        // A prerequisite may be declared, or configured here or in another file; variants and cycles are checked among this
        // file's flags, since another environment's file may configure the variants.
        var known = new HashSet<string>(model.DeclaredNames, StringComparer.OrdinalIgnoreCase);
        known.UnionWith(otherFlags ?? new string[0]);
        PrerequisiteRules.Check(flags, known, problems, variantsOfOthers: false);

        // Names resolve across the project's files, as the configuration merges them; cycles are this file's own.
        var all = new Dictionary<string, KeyValuePair<string, AudienceSpec>>(otherSegments ?? new Dictionary<string, KeyValuePair<string, AudienceSpec>>(), StringComparer.OrdinalIgnoreCase);
        foreach (var segment in segments)
        {
            all[segment.Key] = segment.Value;
        }

        AudienceRules.CheckSegments(all, references, problems, segments.Keys);
        return problems;
    }

    /// <summary>
    /// The flags a file configures, each with the flags it requires, for the other files' checks and FF0001's note on
    /// required flags; problems in them are that file's to report.
    /// </summary>
    public static List<KeyValuePair<string, PrerequisiteSpec[]>> ConfiguredFlagsOf(string text, string[] sectionPath)
    {
        var flags = new List<KeyValuePair<string, PrerequisiteSpec[]>>();
        try
        {
            CheckLevel(JsonParser.Parse(text), sectionPath, 0, string.Empty, (path, section) =>
            {
                foreach (var flag in section.Kind == JsonKind.Object ? section.Properties : new List<JsonProperty>())
                {
                    var requires = flag.Value.Kind == JsonKind.Object
                        ? flag.Value.Properties.FirstOrDefault(p => string.Equals(p.Name, PrerequisiteRules.RequiresProperty, StringComparison.OrdinalIgnoreCase))
                        : null;
                    var specs = requires == null ? new PrerequisiteSpec[0] : PrerequisiteRules.Parse(path + ":" + flag.Name + ":" + requires.Name, ToFlagNode(requires.Value), new List<FlagProblem>());
                    flags.Add(new KeyValuePair<string, PrerequisiteSpec[]>(flag.Name, specs));
                }
            });
        }
        catch (JsonException)
        {
            // The file's own check reports it.
        }

        return flags;
    }

    /// <summary>The segments a file defines, for the other files' checks; problems in them are that file's to report.</summary>
    public static Dictionary<string, KeyValuePair<string, AudienceSpec>> SegmentsOf(string text)
    {
        var segments = new Dictionary<string, KeyValuePair<string, AudienceSpec>>(StringComparer.OrdinalIgnoreCase);
        try
        {
            CheckLevel(JsonParser.Parse(text), SegmentsPath, 0, string.Empty, (path, section) => CheckSegments(path, section, segments, new List<SegmentReference>(), new List<FlagProblem>()));
        }
        catch (JsonException)
        {
            // The file's own check reports it.
        }

        return segments;
    }

    /// <summary>
    /// Walks down to the flags section, matching keys as configuration does: ignoring case, and with a key
    /// such as <c>"App:Flags"</c> standing for the nested objects it names.
    /// </summary>
    private static void CheckLevel(JsonNode node, string[] sectionPath, int depth, string prefix, Action<string, JsonNode> check)
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
                check(path, property.Value);
            }
            else
            {
                CheckLevel(property.Value, sectionPath, depth + covered, path + ":", check);
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

    private static void CheckSegments(string sectionPath, JsonNode section, Dictionary<string, KeyValuePair<string, AudienceSpec>> segments, List<SegmentReference> references, List<FlagProblem> problems)
    {
        foreach (var segment in section.Properties)
        {
            var path = sectionPath + ":" + segment.Name;
            if (!FlagRules.IsValidFlagName(segment.Name))
            {
                problems.Add(new FlagProblem(path, FlagRules.Quote(segment.Name) + " is not a valid segment name: use letters, digits, '.', '_' and '-'", segment.NameSpan));
                continue;
            }

            var before = problems.Count;
            var spec = AudienceRules.ParseAudience(path, ToFlagNode(segment.Value), problems);
            if (problems.Count == before)
            {
                segments[segment.Name] = new KeyValuePair<string, AudienceSpec>(path, spec);
                references.Add(new SegmentReference(path + ":" + AudienceRules.SegmentsProperty, spec.Segments, spec.Origin));
            }
        }
    }

    private static void CheckSection(
        string sectionPath,
        JsonNode section,
        CompilationFlags model,
        List<SegmentReference> references,
        Dictionary<string, KeyValuePair<string, FlagSpec>> flags,
        List<FlagProblem> problems)
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

            if (FlagRules.Parse(path, ToFlagNode(flag.Value), declarations?[0].KindName, problems) is { } spec)
            {
                references.AddRange(AudienceRules.ReferencesOf(path, spec));
                flags[flag.Name] = new KeyValuePair<string, FlagSpec>(path, spec);
            }
        }
    }

    /// <summary>
    /// The node the JSON configuration provider produces: lists keyed 0, 1, …; scalars as their text,
    /// true/false as "True"/"False"; null and {} as no value, and [] as an empty string (checked
    /// against Microsoft.Extensions.Configuration.Json 10.0).
    /// </summary>
    internal static FlagNode ToFlagNode(JsonNode node)
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
