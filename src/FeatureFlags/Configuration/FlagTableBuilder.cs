using FeatureFlags.Evaluation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Configuration;

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
        var merged = LayeredFlagReader.Read(_configuration, _options.SectionName, found);
        var undeclared = new List<FlagProblem>();
        var compiled = new Dictionary<string, CompiledFlag>(StringComparer.OrdinalIgnoreCase);

        foreach (var flag in merged)
        {
            var path = _options.SectionName + ":" + flag.Name;
            declared.TryGetValue(flag.Name, out var definition);
            var spec = FlagRules.Parse(path, flag.Node, definition?.Kind.ToString(), found);
            if (definition is null && _catalogs.Count > 0)
            {
                undeclared.Add(new FlagProblem(path, $"no registered catalog declares the flag '{flag.Name}'{NameSuggestions.Hint(flag.Name, declared.Keys)}", flag.Sources[^1]));
            }

            if (spec is not null)
            {
                var name = definition?.Name ?? flag.Name;
                compiled[name] = new CompiledFlag(name, definition, spec, flag.Sources);
            }
        }

        foreach (var definition in declared.Values.Where(d => !compiled.ContainsKey(d.Name)))
        {
            compiled[definition.Name] = new CompiledFlag(definition.Name, definition, null, []);
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

        return new FlagTable(compiled.Values, _reporter);
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

    private static string Format(FlagProblem problem) =>
        problem.Origin is FlagValueSource source ? $"{problem} [{source}]" : problem.ToString();
}
