using FeatureFlags.Etcd.Client;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Configuration;

/// <summary>Builds the one <see cref="EtcdFlagsProvider"/> of a configuration from resolved settings.</summary>
internal sealed class EtcdFlagsSource(EtcdSettings settings) : IConfigurationSource
{
    /// <summary>See <see cref="EtcdFlagsProvider.BeforeWatch"/>.</summary>
    internal Func<CancellationToken, Task>? BeforeWatch { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EtcdFlagsProvider(settings) { BeforeWatch = BeforeWatch };
}
