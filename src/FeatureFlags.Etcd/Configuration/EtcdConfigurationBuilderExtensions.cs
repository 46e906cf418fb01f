using FeatureFlags.Etcd;
using FeatureFlags.Etcd.Client;
using FeatureFlags.Etcd.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds the etcd flags source to a configuration.</summary>
public static class EtcdConfigurationBuilderExtensions
{
    /// <summary>
    /// Adds every flag under an etcd key prefix (default <c>/featureflags/{environment}/</c>) as configuration, watched so
    /// that a change reaches the application in milliseconds. The source sits after the sources added so far except the
    /// command line: etcd's values win over the settings files and environment variables, and a command-line switch still
    /// wins over etcd.
    /// </summary>
    /// <param name="builder">The configuration builder, usually <c>builder.Configuration</c>.</param>
    /// <param name="configure">Sets the endpoints, prefix, credentials, timeouts and fault behaviour.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="EtcdFlagsUnavailableException">etcd cannot be read and <see cref="EtcdFlagsOptions.StartWithoutEtcd"/> is not set
    /// (thrown here when the builder loads sources as they are added, as <c>builder.Configuration</c> does; otherwise at <c>Build</c>).</exception>
    public static IConfigurationBuilder AddEtcdFlags(this IConfigurationBuilder builder, Action<EtcdFlagsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new EtcdFlagsOptions();
        configure?.Invoke(options);

        // The host writes its environment into the configuration it builds; a plain builder has none.
        var environment = builder is IConfiguration configuration ? configuration["environment"] : null;
        var source = new EtcdFlagsSource(EtcdSettings.From(options, string.IsNullOrEmpty(environment) ? null : environment));

        // Before the application's command line: the last one. A host adds its own command line to its host settings
        // first (WebApplication.CreateBuilder does), ahead of the settings files.
        var commandLine = -1;
        for (var i = builder.Sources.Count - 1; i >= 0; i--)
        {
            if (builder.Sources[i] is CommandLineConfigurationSource)
            {
                commandLine = i;
                break;
            }
        }

        if (commandLine < 0)
        {
            builder.Add(source);
        }
        else
        {
            builder.Sources.Insert(commandLine, source);
        }

        return builder;
    }
}
