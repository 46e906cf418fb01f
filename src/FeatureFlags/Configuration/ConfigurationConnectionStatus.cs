namespace FeatureFlags;

/// <summary>Whether an <see cref="IConfigurationConnection"/> is connected, since when, and why not. Immutable.</summary>
public sealed class ConfigurationConnectionStatus
{
    /// <summary>Creates a status.</summary>
    /// <param name="isConnected">Whether the provider is connected.</param>
    /// <param name="since">Since when it has been connected, or disconnected.</param>
    /// <param name="problem">Why it is disconnected; <see langword="null"/> when connected.</param>
    public ConfigurationConnectionStatus(bool isConnected, DateTimeOffset since, string? problem = null)
    {
        IsConnected = isConnected;
        Since = since;
        Problem = isConnected ? null : problem;
    }

    /// <summary>Gets whether the provider is connected: its values follow the store.</summary>
    public bool IsConnected { get; }

    /// <summary>Gets since when the provider has been connected, or disconnected.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>Gets why the provider is disconnected, such as the last connection error; <see langword="null"/> when connected.</summary>
    public string? Problem { get; }

    /// <inheritdoc />
    public override string ToString() =>
        IsConnected ? $"connected since {Since:O}" : $"disconnected since {Since:O}{(Problem is null ? string.Empty : ": " + Problem)}";
}
