using FeatureFlags.Etcd.Client;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Etcd.Configuration;

/// <summary>Builds the one <see cref="EtcdFlagsProvider"/> of a configuration from resolved settings.</summary>
internal sealed class EtcdFlagsSource(EtcdSettings settings) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new EtcdFlagsProvider(settings);
}
