using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

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
    private readonly bool _readsData;

    private ConfigurationLayer(IConfigurationProvider? provider, IConfiguration? merged, string description, string keyPrefix, string keySeparator, string? mergedIsSection = null)
    {
        _provider = provider;
        _merged = merged;
        _mergedIsSection = mergedIsSection;
        Description = description;
        _keyPrefix = keyPrefix;
        _keySeparator = keySeparator;
        _readsData = provider is ConfigurationProvider && KeysAreData(provider.GetType());
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
    /// The keys below <paramref name="section"/> as a tree, from one scan of the provider's keys, when the
    /// provider keeps its keys in <see cref="ConfigurationProvider"/>'s data (file, memory, environment
    /// and command-line providers do); otherwise <see langword="null"/>, and callers walk
    /// <see cref="ChildKeys"/>. A provider answers each <c>GetChildKeys</c> with a scan of all its keys:
    /// once per flag object, that is quadratic in the number of flags.
    /// </summary>
    public KeyTree? Tree(string section) =>
        _readsData ? new KeyTree(section, GetData((ConfigurationProvider)_provider!)) : null;

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
    public FlagValueSource SourceOf(string path) =>
        new(Description, _keyPrefix + (_keySeparator == ":" ? path : path.Replace(":", _keySeparator, StringComparison.Ordinal)));

    private static ConfigurationLayer FromProvider(IConfigurationProvider provider)
    {
        var typeName = provider.GetType().Name;
        var text = provider.ToString() ?? typeName;
        switch (typeName)
        {
            case "EnvironmentVariablesConfigurationProvider":
                return new ConfigurationLayer(provider, null, "environment variables", Quoted(text, "Prefix: '") ?? string.Empty, "__");
            case "CommandLineConfigurationProvider":
                return new ConfigurationLayer(provider, null, "command line", "--", ":");
            case "MemoryConfigurationProvider":
                return new ConfigurationLayer(provider, null, "in-memory configuration", string.Empty, ":");
        }

        // File providers describe themselves as "JsonConfigurationProvider for 'appsettings.json' (Optional)".
        var file = Quoted(text, " for '");
        return new ConfigurationLayer(provider, null, file is null ? text : Path.GetFileName(file), string.Empty, ":");
    }

    // The protected store of every ConfigurationProvider, read without reflection.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Data")]
    private static extern IDictionary<string, string?> GetData(ConfigurationProvider provider);

    /// <summary>Whether the provider's keys are exactly its data: it overrides neither way of reading them.</summary>
    /// <remarks>
    /// Where reflection metadata is trimmed away (Native AOT), <c>GetMethod</c> finds nothing and the answer is
    /// false: the provider is then walked key by key, which reads the same keys, only slower on large sources.
    /// </remarks>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "A method not found reads as 'overridden', and the provider is walked through its public interface instead: correct either way.")]
    private static bool KeysAreData(Type type) =>
        type.GetMethod(nameof(IConfigurationProvider.GetChildKeys), [typeof(IEnumerable<string>), typeof(string)])?.DeclaringType == typeof(ConfigurationProvider)
        && type.GetMethod(nameof(IConfigurationProvider.TryGet), [typeof(string), typeof(string).MakeByRefType()])?.DeclaringType == typeof(ConfigurationProvider);

    private static string? Quoted(string text, string opening)
    {
        var start = text.IndexOf(opening, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += opening.Length;
        var end = text.IndexOf('\'', start);
        return end < 0 ? null : text[start..end];
    }
}
