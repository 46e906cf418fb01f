namespace FeatureFlags;

/// <summary>Where a flag's value came from: a configuration source and the key in it. Immutable.</summary>
public sealed class FlagValueSource
{
    /// <summary>Creates a source description.</summary>
    /// <param name="provider">The configuration source, such as <c>appsettings.Production.json</c> or <c>environment variables</c>.</param>
    /// <param name="key">The key as written in that source, such as <c>FeatureFlags:NewCheckout</c> or <c>FeatureFlags__NewCheckout</c>.</param>
    public FlagValueSource(string provider, string key)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(key);
        Provider = provider;
        Key = key;
    }

    /// <summary>Gets the configuration source, such as <c>appsettings.Production.json</c> or <c>environment variables</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the key as written in that source.</summary>
    public string Key { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key} in {Provider}";
}
