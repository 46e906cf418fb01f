namespace FeatureFlags;

/// <summary>
/// Implemented by an <see cref="Microsoft.Extensions.Configuration.IConfigurationProvider"/> that keeps a connection to
/// a remote store (the etcd source does), so that the health check can report a source that serves its last known
/// values because it cannot reach the store.
/// </summary>
/// <remarks>Read from health-check threads while the provider works: implementations must be thread-safe.</remarks>
public interface IConfigurationConnection
{
    /// <summary>Gets what the provider connects to, as people know it, such as <c>etcd http://10.0.0.5:2379 /featureflags/Production/</c>.</summary>
    string ConnectionName { get; }

    /// <summary>Gets whether the provider is connected now, and since when.</summary>
    ConfigurationConnectionStatus ConnectionStatus { get; }
}
