using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Tests;

/// <summary>A configuration source whose whole data a test replaces, as a changed file replaces a file provider's.</summary>
internal sealed class ReplaceableSource(Settings? initial = null) : IConfigurationSource
{
    public Provider? Built { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Built = new Provider(initial ?? []);

    internal sealed class Provider : ConfigurationProvider
    {
        public Provider(Settings initial)
        {
            Data = new Dictionary<string, string?>(initial, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Replaces the data and raises the provider's reload, as a file provider does on a change.</summary>
        public void Replace(Settings data)
        {
            Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
            OnReload();
        }
    }
}
