using FeatureFlags.Evaluation;
using FeatureFlags.Tables;
using FeatureFlags.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeatureFlags.Fixed;

/// <summary>
/// The testing package's one way into the runtime: fixed flags compiled by the runtime's own table, evaluated and
/// explained by its own snapshot, configuration read by its own reader and rules. Nothing else of the runtime's
/// internals is for the testing package (a test checks its imports). Immutable and thread-safe.
/// </summary>
internal sealed class FixedFlagTable
{
    private readonly FlagTable _table;

    /// <summary>Compiles <paramref name="flags"/>.</summary>
    /// <param name="flags">The flags, each with its declaration, validated configuration and sources.</param>
    /// <param name="strict">Whether reading a name the table lacks throws: when a catalog is known, such a name is a typo.</param>
    public FixedFlagTable(IEnumerable<FixedFlag> flags, bool strict)
    {
        var compiled = FlagCompiler.Compile(flags.Select(f => new FlagCompilation(f.Name, f.Definition, f.Spec, f.Sources, Segments: f.Segments, VariantValues: f.VariantValues)).ToArray());
        _table = new FlagTable(compiled, new UnknownFlagReporter(NullLogger.Instance, throwOnUnknown: strict));
    }

    /// <summary>A snapshot of the table for <paramref name="context"/> at <paramref name="time"/>'s current instant, the same type a host's factory returns.</summary>
    public IFlagSnapshot Snapshot(EvaluationContext context, TimeProvider time) => new FlagSnapshot(_table, context, time);

    /// <summary>
    /// Reads, validates and compiles <paramref name="configuration"/> as a host would, and returns its flags:
    /// declaration order first, then flags only configuration names, so names and output are stable.
    /// </summary>
    /// <exception cref="FlagConfigurationException">The configuration has problems; every one is listed.</exception>
    public static FixedFlag[] Read(IConfiguration configuration, FeatureFlagsOptions options, FlagCatalog catalog)
    {
        var builder = new FlagTableBuilder(configuration, options, [catalog], NullLogger.Instance);
        var table = builder.TryBuild(out var problems) ?? throw new FlagConfigurationException(problems);
        var declared = catalog.Flags.Select(d => d.Name).ToList();
        return table.Flags
            .OrderBy(f => declared.FindIndex(n => string.Equals(n, f.Name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(FixedFlag.From)
            .ToArray();
    }

    /// <summary>Throws, naming the rule, when <paramref name="flag"/> is not a valid flag name.</summary>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public static void ThrowIfInvalidName(string flag, string parameterName)
    {
        if (!FlagRules.IsValidFlagName(flag))
        {
            throw new ArgumentException(FlagRules.InvalidNameMessage(flag), parameterName);
        }
    }

    /// <summary>The runtime's "did you mean" hint for <paramref name="name"/> among <paramref name="names"/>; empty when none is close.</summary>
    public static string Hint(string name, IEnumerable<string> names) => NameSuggestions.Hint(name, names);

    /// <summary>The names among <paramref name="names"/> close to <paramref name="name"/>, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> names) => NameSuggestions.Nearest(name, names);
}
