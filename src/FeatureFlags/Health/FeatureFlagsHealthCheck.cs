using FeatureFlags.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeatureFlags;

/// <summary>
/// Reports whether the flags in force are what configuration says now: <see cref="HealthStatus.Healthy"/> while the
/// last reload was taken and every remote source is connected; <see cref="HealthStatus.Degraded"/>, with the problems
/// and since when in the data, while a rejected configuration is waiting (invalid, unreadable, or a file that failed
/// to load) or a remote source such as etcd is disconnected. Either way the last good flags stay in force.
/// </summary>
/// <remarks>
/// <para>
/// Registered by <c>AddFeatureFlags</c>. Add it to the host's checks with
/// <c>services.AddHealthChecks().AddFeatureFlagsHealthCheck()</c> (FeatureFlags.AspNetCore) or, in any host,
/// <c>services.AddHealthChecks().AddCheck&lt;FeatureFlagsHealthCheck&gt;("feature-flags")</c>.
/// </para>
/// <para>
/// The data holds <c>flags</c> (how many), <c>loadedAt</c> (when the flags in force were taken), and, when degraded,
/// <c>rejectedSince</c> and <c>problems</c> (each with its configuration path, never a value); every remote source
/// appears under its name with its connection state. Thread-safe.
/// </para>
/// </remarks>
public sealed class FeatureFlagsHealthCheck : IHealthCheck
{
    private readonly FlagTableProvider _tables;
    private readonly IConfiguration _configuration;

    internal FeatureFlagsHealthCheck(FlagTableProvider tables, IConfiguration configuration)
    {
        _tables = tables;
        _configuration = configuration;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = _tables.Status;
        var data = new Dictionary<string, object>
        {
            ["flags"] = status.FlagCount,
            ["loadedAt"] = status.LoadedAt.ToString("O"),
        };
        var problems = new List<string>();
        if (status.RejectedSince is { } rejected)
        {
            data["rejectedSince"] = rejected.ToString("O");
            data["problems"] = status.Problems.ToArray();
            problems.Add($"the flag configuration has been rejected since {rejected:O} ({status.Problems.Count} problem{(status.Problems.Count == 1 ? string.Empty : "s")})");
        }

        foreach (var connection in Connections())
        {
            var state = connection.ConnectionStatus;
            data[connection.ConnectionName] = state.ToString();
            if (!state.IsConnected)
            {
                problems.Add($"{connection.ConnectionName} is {state}");
            }
        }

        var flags = $"{status.FlagCount} flag{(status.FlagCount == 1 ? string.Empty : "s")} loaded at {status.LoadedAt:O}";
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy($"{flags}.", data)
            : HealthCheckResult.Degraded($"{string.Join("; ", problems)}. The last good flags stay in force: {flags}.", data: data));
    }

    private IEnumerable<IConfigurationConnection> Connections() =>
        _configuration is IConfigurationRoot root ? root.Providers.OfType<IConfigurationConnection>() : [];
}
