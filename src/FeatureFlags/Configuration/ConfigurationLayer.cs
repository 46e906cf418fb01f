using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace FeatureFlags.Configuration;

/// <summary>
/// One configuration source seen on its own, so that flags can be merged source by source: that is how
/// a later source wins whatever the shapes, and how each value knows where it came from.
/// </summary>
internal sealed class ConfigurationLayer
{
    private readonly IConfigurationProvider? _provider;
    private readonly IConfiguration? _merged;

    // Set when the configuration given is the flags section itself: paths under it are read relative to it.
    private readonly string? _mergedIsSection;
    private readonly string _keyPrefix;
    private readonly string _keySeparator;

    private readonly Func<string, string>? _keyOf;
    private string? _environmentPrefix;

    private ConfigurationLayer(IConfigurationProvider? provider, IConfiguration? merged, string description, string keyPrefix, string keySeparator, string? mergedIsSection = null, Func<string, string>? keyOf = null)
    {
        _provider = provider;
        _merged = merged;
        _mergedIsSection = mergedIsSection;
        Description = description;
        _keyPrefix = keyPrefix;
        _keySeparator = keySeparator;
        _keyOf = keyOf;
    }

    /// <summary>A human name for the source: a file name, "environment variables", ….</summary>
    public string Description { get; }

    /// <summary>
    /// Whether <see cref="ChildKeys"/> lists a segment once per key below it. Then a segment listed once
    /// whose own key has a value is a plain value, which saves a scan per flag on large configurations.
    /// </summary>
    public bool ListsEverySegment => _provider is ConfigurationProvider;

    /// <summary>Whether this is the merged view of a configuration whose sources are not visible.</summary>
    public bool IsMergedView => _merged is not null;

    /// <summary>
    /// The sources of a configuration, earliest first; a single merged view when they are not visible. The
    /// flags <paramref name="section"/> itself (<c>GetSection("FeatureFlags")</c>) is read as that section,
    /// not as a parent that holds one.
    /// </summary>
    public static IEnumerable<ConfigurationLayer> Of(IConfiguration configuration, string section) =>
        configuration switch
        {
            IConfigurationRoot root => root.Providers.Select(FromProvider),
            // Keys are named by their full path, as the configuration root knows them.
            IConfigurationSection given when IsFlagsSection(given, section) =>
                [new ConfigurationLayer(null, given, "configuration", given.Path[..^section.Length], ":", section)],
            IConfigurationSection parent => [new ConfigurationLayer(null, parent, "configuration", parent.Path + ":", ":")],
            _ => [new ConfigurationLayer(null, configuration, "configuration", string.Empty, ":")],
        };

    /// <summary>
    /// The keys below <paramref name="section"/> as a tree, from one pass over the provider's keys, when the
    /// provider lists them publicly (see <see cref="ListedKeys"/>); otherwise <see langword="null"/>, and callers
    /// walk <see cref="ChildKeys"/>. A provider answers each <c>GetChildKeys</c> with a scan of all its keys: once
    /// per flag object, that is quadratic in the number of flags.
    /// </summary>
    public KeyTree? Tree(string section) =>
        ListedKeys(_provider) is { } keys ? new KeyTree(section, keys) : null;

    public IEnumerable<string> ChildKeys(string path) =>
        _provider is not null
            ? _provider.GetChildKeys([], path)
            : MergedSection(path).GetChildren().Select(c => c.Key);

    public string? Get(string path)
    {
        if (_provider is not null)
        {
            return _provider.TryGet(path, out var value) ? value : null;
        }

        return MergedSection(path).Value;
    }

    /// <summary>
    /// The flags section itself: its path is the section name, or ends with it (<c>App:FeatureFlags</c>)
    /// and no section of that name lies below it.
    /// </summary>
    private static bool IsFlagsSection(IConfigurationSection given, string section) =>
        string.Equals(given.Path, section, StringComparison.OrdinalIgnoreCase)
        || (given.Path.Length > section.Length
            && given.Path.EndsWith(section, StringComparison.OrdinalIgnoreCase)
            && given.Path[given.Path.Length - section.Length - 1] == ':'
            && !given.GetSection(section).Exists());

    private IConfigurationSection MergedSection(string path)
    {
        if (_mergedIsSection is null)
        {
            return _merged!.GetSection(path);
        }

        // Paths are the section's name and what lies below it, as the reader asks for them.
        return path.Length == _mergedIsSection.Length ? (IConfigurationSection)_merged! : _merged!.GetSection(path[(_mergedIsSection.Length + 1)..]);
    }

    /// <summary>Where a configuration path came from, with the key as written in the source.</summary>
    public FlagValueSource SourceOf(string path)
    {
        if (_keyOf is not null)
        {
            return new(Description, _keyOf(path));
        }

        var prefix = _keyPrefix;
        if (_provider is EnvironmentVariablesConfigurationProvider)
        {
            // Found at first use: only a source that sets flags is ever asked, and then its prefix is there to find.
            prefix = _environmentPrefix ??= EnvironmentVariablePrefix.Find(_provider, FirstSegment(path));
        }

        return new(Description, prefix + (_keySeparator == ":" ? path : path.Replace(":", _keySeparator, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The provider's keys and values when it lists them publicly and they are exactly what it serves: a
    /// <see cref="MemoryConfigurationProvider"/> itself (a subclass may serve other keys than it lists), or a
    /// provider that says so by implementing <see cref="IConfigurationProvenance"/> beside the enumeration.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string?>>? ListedKeys(IConfigurationProvider? provider) =>
        provider switch
        {
            MemoryConfigurationProvider memory when memory.GetType() == typeof(MemoryConfigurationProvider) => memory,
            IConfigurationProvenance and IEnumerable<KeyValuePair<string, string?>> listed => listed,
            _ => null,
        };

    private static ConfigurationLayer FromProvider(IConfigurationProvider provider) =>
        provider switch
        {
            IConfigurationProvenance described => new ConfigurationLayer(provider, null, described.SourceName, string.Empty, ":", keyOf: described.KeyOf),
            EnvironmentVariablesConfigurationProvider => new ConfigurationLayer(provider, null, "environment variables", string.Empty, "__"),
            CommandLineConfigurationProvider => new ConfigurationLayer(provider, null, "command line", "--", ":"),
            MemoryConfigurationProvider => new ConfigurationLayer(provider, null, "in-memory configuration", string.Empty, ":"),
            FileConfigurationProvider { Source.Path: { } file } => new ConfigurationLayer(provider, null, Path.GetFileName(file), string.Empty, ":"),
            // Shown as it describes itself, never parsed.
            _ => new ConfigurationLayer(provider, null, provider.ToString() ?? provider.GetType().Name, string.Empty, ":"),
        };

    private static string FirstSegment(string path) => path.IndexOf(':') is var colon and >= 0 ? path[..colon] : path;
}
