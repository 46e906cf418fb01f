using FeatureFlags.Validation;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Configuration;

/// <summary>
/// Reads the flags section source by source and merges it with the documented precedence:
/// a plain value in a later source replaces the whole flag; an object in a later source replaces the
/// properties it names (a plain value before it counts as <c>Enabled</c>); a list or variant set is
/// replaced whole, never merged item by item. Microsoft.FeatureManagement's sections merge instead as configuration
/// itself merges them (key by key, at every depth), because that library reads the merged section and a migrated flag
/// must answer as it did.
/// </summary>
internal static class LayeredFlagReader
{
    /// <param name="configuration">The configuration.</param>
    /// <param name="section">The section whose children are the flags.</param>
    /// <param name="problems">Receives what cannot be read.</param>
    /// <param name="listOfFlags">
    /// Whether the section is a list whose items are the flags (the Microsoft Feature Management schema's
    /// <c>feature_flags</c>), keyed <c>0</c>, <c>1</c>, … until validation reads their names; otherwise its keys are the names.
    /// </param>
    /// <param name="mergeKeyByKey">
    /// Whether sources merge key by key at every depth, as configuration merges them: a later value replaces an earlier
    /// value of the same key only, and a node may then hold a value and properties both (from different sources).
    /// </param>
    public static List<MergedFlag> Read(IConfiguration configuration, string section, ICollection<FlagProblem> problems, bool listOfFlags = false, bool mergeKeyByKey = false)
    {
        // Usually one source holds the flags. Its flags are distinct already, so they are merged
        // through a dictionary only once a second source has flags too: with thousands of flags, the
        // dictionary is large enough to cost garbage-collector time on every reload.
        List<KeyValuePair<string, FlagNode>>? first = null;
        Dictionary<string, FlagAccumulator>? flags = null;
        foreach (var layer in ConfigurationLayer.Of(configuration, section))
        {
            var read = ReadLayer(layer, section, problems, listOfFlags, mergeKeyByKey);
            if (read.Count == 0)
            {
                continue;
            }

            if (first is null)
            {
                first = read;
                continue;
            }

            if (flags is null)
            {
                flags = new Dictionary<string, FlagAccumulator>(first.Count + read.Count, StringComparer.OrdinalIgnoreCase);
                Accumulate(flags, first, mergeKeyByKey);
            }

            Accumulate(flags, read, mergeKeyByKey);
        }

        if (flags is not null)
        {
            return flags.Values.Select(f => f.ToMergedFlag()).ToList();
        }

        var merged = new List<MergedFlag>(first?.Count ?? 0);
        foreach (var (name, node) in first ?? [])
        {
            if (!node.HasChildren || node.Value is not null || mergeKeyByKey)
            {
                // What an accumulator makes of one plain value (or of any one node, merged key by key), without the accumulator.
                merged.Add(new MergedFlag(name, node, [node.Origin!]));
                continue;
            }

            var flag = new FlagAccumulator(name, mergeKeyByKey: false);
            flag.Apply(node);
            merged.Add(flag.ToMergedFlag());
        }

        return merged;
    }

    private static List<KeyValuePair<string, FlagNode>> ReadLayer(ConfigurationLayer layer, string section, ICollection<FlagProblem> problems, bool listOfFlags, bool mergeKeyByKey)
    {
        var read = new List<KeyValuePair<string, FlagNode>>();
        if (layer.Tree(section) is { } tree)
        {
            ReportSectionValue(layer, section, tree.Root.Value, problems);
            foreach (var property in tree.TooDeep ?? [])
            {
                ReportTooDeep(layer, section, property.Path, problems);
            }

            read.Capacity = tree.Root.Children?.Count ?? 0;
            foreach (var flagNode in tree.Root.Children ?? [])
            {
                if (NameProblem(flagNode.Segment, listOfFlags) is { } problem)
                {
                    problems.Add(new FlagProblem(section + ":" + flagNode.Segment, problem, layer.SourceOf(flagNode.Path)));
                    continue;
                }

                read.Add(new(flagNode.Segment, KeyTree.ToFlagNode(flagNode, layer)));
            }

            return read;
        }

        ReportSectionValue(layer, section, layer.Get(section), problems);
        foreach (var (name, count) in CountSegments(layer.ChildKeys(section)))
        {
            var path = section + ":" + name;
            if (NameProblem(name, listOfFlags) is { } problem)
            {
                problems.Add(new FlagProblem(path, problem, layer.SourceOf(path)));
                continue;
            }

            var value = layer.Get(path);
            var isPlainValue = value is not null && ((layer.IsMergedView && !mergeKeyByKey) || (layer.ListsEverySegment && count == 1));
            read.Add(new(name, isPlainValue ? new FlagNode(value, null, layer.SourceOf(path)) : ReadNode(layer, path, value, 1, null, section, problems, mergeKeyByKey)));
        }

        return read;
    }

    private static string? NameProblem(string segment, bool listOfFlags) =>
        listOfFlags
            ? FlagRules.IsListIndex(segment) ? null : "must be a list of flags, such as [ { \"id\": \"Beta\", \"enabled\": true } ], not an object"
            : FlagRules.IsValidFlagName(segment) ? null : FlagRules.InvalidNameMessage(segment);

    private static void ReportSectionValue(ConfigurationLayer layer, string section, string? value, ICollection<FlagProblem> problems)
    {
        if (FlagRules.SectionValueProblem(value) is { } problem)
        {
            problems.Add(new FlagProblem(section, problem, layer.SourceOf(section)));
        }
    }

    /// <summary>
    /// Reports keys nested too deep under the property at <paramref name="propertyPath"/>. The problem names the
    /// property, not the deep key: that may run to megabytes, and below <c>Users</c> its segments are user ids.
    /// </summary>
    private static void ReportTooDeep(ConfigurationLayer layer, string section, string propertyPath, ICollection<FlagProblem> problems)
    {
        var path = section + propertyPath[section.Length..];
        problems.Add(new FlagProblem(
            path,
            $"has keys nested more than {FlagRules.MaxDepthBelowFlag} levels below the flag, deeper than any flag configuration goes",
            layer.SourceOf(path)));
    }

    private static void Accumulate(Dictionary<string, FlagAccumulator> flags, List<KeyValuePair<string, FlagNode>> read, bool mergeKeyByKey)
    {
        foreach (var (name, node) in read)
        {
            if (!flags.TryGetValue(name, out var flag))
            {
                flags[name] = flag = new FlagAccumulator(name, mergeKeyByKey);
            }

            flag.Apply(node);
        }
    }

    private static Dictionary<string, int> CountSegments(IEnumerable<string> segments)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in segments)
        {
            counts[segment] = counts.GetValueOrDefault(segment) + 1;
        }

        return counts;
    }

    /// <summary>
    /// Reads the node at <paramref name="path"/>, <paramref name="depth"/> levels below the section, whose own value
    /// is <paramref name="value"/>, and what lies below it; <paramref name="property"/> is the path of the flag
    /// property the node sits under (null above it).
    /// </summary>
    private static FlagNode ReadNode(ConfigurationLayer layer, string path, string? value, int depth, string? property, string section, ICollection<FlagProblem> problems, bool mergeKeyByKey)
    {
        if (layer.IsMergedView && value is not null && !mergeKeyByKey)
        {
            // Without the sources in view, a plain value beside properties most likely comes from a later file.
            return new FlagNode(value, null, layer.SourceOf(path));
        }

        var childKeys = CountSegments(layer.ChildKeys(path));
        if (childKeys.Count > 0 && depth == 1 + FlagRules.MaxDepthBelowFlag)
        {
            // Recursion stops here, so no provider's keys can exhaust the stack.
            ReportTooDeep(layer, section, property!, problems);
            return new FlagNode(value, null, layer.SourceOf(path));
        }

        var children = new List<KeyValuePair<string, FlagNode>>(childKeys.Count);
        foreach (var (child, count) in childKeys)
        {
            var childPath = path + ":" + child;
            var childValue = layer.Get(childPath);

            // A key listed once that has a value has nothing below it: asking the provider would scan all its keys.
            var node = childValue is not null && layer.ListsEverySegment && count == 1
                ? new FlagNode(childValue, null, layer.SourceOf(childPath))
                : ReadNode(layer, childPath, childValue, depth + 1, property ?? childPath, section, problems, mergeKeyByKey);
            children.Add(new(child, node));
        }

        return new FlagNode(value, children, layer.SourceOf(path));
    }

    private sealed class FlagAccumulator(string name, bool mergeKeyByKey)
    {
        private FlagNode? _whole;

        // Merged key by key: the source of the flag's node in each layer, earliest first.
        private List<FlagValueSource>? _sources;
        private List<KeyValuePair<string, FlagNode>>? _properties;
        private FlagValueSource? _lastObjectSource;

        // A plain value that later properties turned into Enabled, while it lasts.
        private FlagNode? _carried;

        public void Apply(FlagNode node)
        {
            if (mergeKeyByKey)
            {
                _whole = _whole is null ? node : FlagNode.MergeKeyByKey(_whole, node);
                (_sources ??= []).Add(node.Origin!);
                return;
            }

            if (!node.HasChildren || node.Value is not null)
            {
                // A plain value (or a node both plain and object, which validation reports) replaces everything.
                _whole = node;
                _properties = null;
                _carried = null;
                return;
            }

            if (_properties is null)
            {
                _properties = [];
                if (_whole?.Value is not null)
                {
                    _properties.Add(new(FlagRules.EnabledProperty, _whole));
                    _carried = _whole;
                }

                _whole = null;
            }

            foreach (var property in node.Children)
            {
                var index = _properties.FindIndex(p => string.Equals(p.Key, property.Key, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    _properties[index] = property;
                }
                else
                {
                    _properties.Add(property);
                }
            }

            _lastObjectSource = node.Origin;
        }

        public MergedFlag ToMergedFlag()
        {
            if (mergeKeyByKey)
            {
                return new MergedFlag(name, _whole!, _sources!.Distinct().ToArray());
            }

            if (_properties is null)
            {
                return new MergedFlag(name, _whole!, [_whole!.Origin!]);
            }

            var sources = _properties.Select(p => p.Value.Origin!).Distinct().ToArray();
            var carried = _carried is not null && _properties.Exists(p => ReferenceEquals(p.Value, _carried)) ? _carried.Origin : null;
            return new MergedFlag(name, new FlagNode(null, _properties, _lastObjectSource), sources, carried);
        }
    }
}
