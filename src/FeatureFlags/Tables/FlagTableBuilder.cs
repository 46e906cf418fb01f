using FeatureFlags.Configuration;
using FeatureFlags.Diagnostics;
using FeatureFlags.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tables;

/// <summary>Reads, validates and compiles one configuration into a <see cref="FlagTable"/>, or lists why it cannot.</summary>
internal sealed class FlagTableBuilder
{
    private readonly IConfiguration _configuration;
    private readonly FeatureFlagsOptions _options;
    private readonly IReadOnlyList<FlagCatalog> _catalogs;
    private readonly UnknownFlagReporter _reporter;
    private readonly ILogger _logger;

    public FlagTableBuilder(IConfiguration configuration, FeatureFlagsOptions options, IReadOnlyList<FlagCatalog> catalogs, ILogger logger)
    {
        _configuration = configuration;
        _options = options;
        _catalogs = catalogs;
        _logger = logger;
        _reporter = new UnknownFlagReporter(logger, options.ThrowOnUnknownFlags);
    }

    /// <summary>Builds a table from the configuration as it is now; <paramref name="problems"/> lists what stopped it.</summary>
    public FlagTable? TryBuild(out List<string> problems)
    {
        var found = new List<FlagProblem>();
        var declared = Declarations(found);
        var segments = ReadSegments(found);
        var merged = LayeredFlagReader.Read(_configuration, _options.SectionName, found);
        var fromFeatureManagement = _options.ReadMicrosoftFeatureManagementFlags ? ReadFeatureManagement(merged, found) : null;
        var undeclared = new List<FlagProblem>();
        // Configured names are distinct (ignoring case) already; only declarations need a lookup, to find
        // the declared flags that configuration leaves out. A list keeps large reloads free of a big dictionary.
        var parsed = new List<(MergedFlag Flag, FlagDefinition? Definition, FlagSpec Spec, object?[]? Values)>(merged.Count);
        var withPrerequisites = false;
        var configuredDeclarations = new HashSet<FlagDefinition>();
        var references = new List<SegmentReference>();

        foreach (var flag in merged)
        {
            var path = PathOf(flag);
            declared.TryGetValue(flag.Name, out var definition);
            Add(flag, path, definition, FlagRules.Parse(path, flag.Node, definition?.Kind.ToString(), found));
        }

        foreach (var (flag, path, spec) in fromFeatureManagement ?? [])
        {
            declared.TryGetValue(flag.Name, out var definition);
            Add(flag, path, definition, spec);
        }

        // Every configured flag, whichever schema it was read from: declared or not, its values bound, its references kept.
        void Add(MergedFlag flag, string path, FlagDefinition? definition, FlagSpec? spec)
        {
            if (definition is null && _catalogs.Count > 0)
            {
                undeclared.Add(new FlagProblem(path, $"no registered catalog declares the flag {FlagRules.Quote(flag.Name)}{NameSuggestions.Hint(flag.Name, declared.Keys)}", flag.Sources[^1]));
            }

            if (definition is not null)
            {
                configuredDeclarations.Add(definition);
            }

            if (spec is not null)
            {
                // Values bind here, for every flag, so that a value that does not bind stops start-up with its path.
                var values = spec.Variants.Any(v => v.Payload is not null) ? VariantBinder.Bind(spec.Variants, definition, found) : null;
                parsed.Add((flag, definition, spec, values));
                references.AddRange(AudienceRules.ReferencesOf(path, spec));
                withPrerequisites |= spec.Requires.Length > 0;
            }
        }

        foreach (var segment in segments)
        {
            references.Add(new SegmentReference(segment.Value.Key + ":" + AudienceRules.SegmentsProperty, segment.Value.Value.Segments, segment.Value.Value.Origin));
        }

        AudienceRules.CheckSegments(segments, references, found);
        if (withPrerequisites)
        {
            var byName = parsed.ToDictionary(p => p.Flag.Name, p => new KeyValuePair<string, FlagSpec>(PathOf(p.Flag), p.Spec), StringComparer.OrdinalIgnoreCase);
            PrerequisiteRules.Check(byName, declared.Keys, found);
        }
        if (_options.TreatUndeclaredFlagsAsErrors)
        {
            found.AddRange(undeclared);
        }

        problems = found.Select(Format).ToList();
        if (problems.Count > 0)
        {
            return null;
        }

        foreach (var warning in undeclared)
        {
            FlagLog.UndeclaredFlag(_logger, Format(warning));
        }

        var compiledSegments = CompileSegments(segments);
        var compilations = new List<FlagCompilation>(parsed.Count + declared.Count);
        foreach (var (flag, definition, spec, values) in parsed)
        {
            compilations.Add(new FlagCompilation(definition?.Name ?? flag.Name, definition, spec, flag.Sources, flag.ShorthandAsEnabled, compiledSegments, values));
        }

        foreach (var definition in declared.Values.Where(d => !configuredDeclarations.Contains(d)))
        {
            compilations.Add(new FlagCompilation(definition.Name, definition, null, []));
        }

        return new FlagTable(FlagCompiler.Compile(compilations), _reporter);
    }

    /// <summary>
    /// Microsoft.FeatureManagement's flags, read into this library's model; a flag that both sections define is a
    /// problem, not a precedence to guess.
    /// </summary>
    private List<(MergedFlag Flag, string Path, FlagSpec Spec)> ReadFeatureManagement(List<MergedFlag> ours, List<FlagProblem> found)
    {
        // Each name where it was first defined, to name both places of a flag defined twice.
        var defined = ours.ToDictionary(f => f.Name, f => _options.SectionName + ":" + f.Name, StringComparer.OrdinalIgnoreCase);
        var flags = new List<(MergedFlag, string, FlagSpec)>();
        foreach (var flag in LayeredFlagReader.Read(_configuration, FeatureManagementRules.SectionName, found, mergeKeyByKey: true))
        {
            var path = FeatureManagementRules.SectionName + ":" + flag.Name;
            if (FeatureManagementRules.Parse(path, flag.Name, flag.Node, found) is { } spec && IsFirst(flag.Name, path, flag, defined, found))
            {
                flags.Add((flag, path, spec));
            }
        }

        foreach (var item in LayeredFlagReader.Read(_configuration, MicrosoftSchemaRules.SectionName, found, listOfFlags: true, mergeKeyByKey: true))
        {
            var path = MicrosoftSchemaRules.SectionName + ":" + item.Name;
            if (MicrosoftSchemaRules.Parse(path, item.Node, found) is { Key: var name, Value: { } spec } && IsFirst(name, path, item, defined, found))
            {
                // Named by its id, not by its place in the list.
                flags.Add((item with { Name = name }, path, spec));
            }
        }

        return flags;
    }

    private static bool IsFirst(string name, string path, MergedFlag flag, Dictionary<string, string> defined, List<FlagProblem> found)
    {
        if (defined.TryGetValue(name, out var first))
        {
            found.Add(new FlagProblem(path, $"defines the flag {FlagRules.Quote(name)} that {first} defines already: define each flag in one place", flag.Sources[^1]));
            return false;
        }

        defined[name] = path;
        return true;
    }

    /// <summary>The segments section, read and validated like flags: each segment by name, with its path and spec.</summary>
    private Dictionary<string, KeyValuePair<string, AudienceSpec>> ReadSegments(List<FlagProblem> found)
    {
        var segments = new Dictionary<string, KeyValuePair<string, AudienceSpec>>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in LayeredFlagReader.Read(_configuration, _options.SegmentsSectionName, found))
        {
            var path = _options.SegmentsSectionName + ":" + segment.Name;
            var before = found.Count;
            var spec = AudienceRules.ParseAudience(path, segment.Node, found);
            if (found.Count == before)
            {
                segments[segment.Name] = new(path, spec);
            }
        }

        return segments;
    }

    /// <summary>Compiles every segment once, then links them: validation has ruled out unknown names and cycles.</summary>
    private static Dictionary<string, CompiledAudience> CompileSegments(Dictionary<string, KeyValuePair<string, AudienceSpec>> segments)
    {
        var compiled = segments.ToDictionary(s => s.Key, s => new CompiledAudience(s.Key, s.Value.Value.Origin), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, (_, spec)) in segments)
        {
            compiled[name].Fill(spec, "segment " + name, compiled);
        }

        return compiled;
    }

    private Dictionary<string, FlagDefinition> Declarations(List<FlagProblem> problems)
    {
        var declared = new Dictionary<string, FlagDefinition>(StringComparer.OrdinalIgnoreCase);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var catalog in _catalogs)
        {
            foreach (var flag in catalog.Flags)
            {
                if (owners.TryGetValue(flag.Name, out var first))
                {
                    problems.Add(new FlagProblem(flag.Name, $"declared twice, in the catalogs {first} and {catalog.Name}", null));
                    continue;
                }

                owners[flag.Name] = catalog.Name;
                declared[flag.Name] = flag;
            }
        }

        return declared;
    }

    /// <summary>
    /// The flag's configuration path. A plain value read from a file or in-memory source is at exactly
    /// that key, so its source's key is reused rather than one more string per flag on every reload.
    /// </summary>
    private string PathOf(MergedFlag flag)
    {
        var section = _options.SectionName;
        if (flag.Sources is [{ Key: var key }]
            && key.Length == section.Length + 1 + flag.Name.Length
            && key.StartsWith(section, StringComparison.Ordinal)
            && key[section.Length] == ':'
            && key.EndsWith(flag.Name, StringComparison.Ordinal))
        {
            return key;
        }

        return section + ":" + flag.Name;
    }

    private static string Format(FlagProblem problem) =>
        problem.Origin is { } source ? $"{problem} [{FlagRules.Shorten(source.ToString(), FlagRules.MaxPathLength)}]" : problem.ToString();
}
