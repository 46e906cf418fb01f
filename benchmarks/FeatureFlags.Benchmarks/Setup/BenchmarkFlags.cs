using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// The one configuration every scenario reads: 50 flags (44 plain booleans, two rollouts, two targeted
/// flags, a disabled targeted flag and a two-variant experiment), in both libraries' schemas.
/// </summary>
public static class BenchmarkFlags
{
    public const string Plain = "Plain07";
    public const string Rollout = "Rollout";
    public const string Targeted = "Targeted";
    public const string Experiment = "Experiment";

    /// <summary>The ten flags scenario 7 reads in one request: plain, rollout and targeted flags mixed.</summary>
    public static readonly string[] RequestFlags =
        ["Plain00", "Plain01", "Plain02", "Plain03", "Plain04", "Plain05", "Plain06", Plain, Rollout, Targeted];

    public static IReadOnlyList<BenchmarkFlag> Fifty { get; } = Create(string.Empty);

    /// <summary>Creates the 50 flags, with a suffix on every name so that copies can sit side by side.</summary>
    public static IReadOnlyList<BenchmarkFlag> Create(string suffix)
    {
        var flags = new List<BenchmarkFlag>();
        for (var i = 0; i < 44; i++)
        {
            flags.Add(new BenchmarkFlag("Plain" + i.ToString("00", CultureInfo.InvariantCulture) + suffix, i % 4 != 3));
        }

        flags.Add(new BenchmarkFlag(Rollout + suffix, true, Rollout: 25));
        flags.Add(new BenchmarkFlag("RolloutHalf" + suffix, true, Rollout: 50));
        flags.Add(new BenchmarkFlag(Targeted + suffix, true, Rollout: 10, Users: ["alice", "bob", "carol"], Groups: ["beta", "staff"]));
        flags.Add(new BenchmarkFlag("TargetedUsers" + suffix, true, Users: ["dave", "erin"]));
        flags.Add(new BenchmarkFlag("Paused" + suffix, false, Rollout: 50, Groups: ["beta"]));
        flags.Add(new BenchmarkFlag(Experiment + suffix, true, Variants: ["blue", "green"]));
        return flags;
    }

    /// <summary>Creates <paramref name="copies"/> × 50 flags with the same mix of shapes.</summary>
    public static IReadOnlyList<BenchmarkFlag> Many(int copies) =>
        Enumerable.Range(0, copies).SelectMany(c => Create("_" + c.ToString(CultureInfo.InvariantCulture))).ToList();

    /// <summary>The settings of both schemas for <paramref name="flags"/>, as an in-memory source takes them.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyList<BenchmarkFlag> flags, bool featureFlags = true, bool featureManagement = true)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < flags.Count; i++)
        {
            if (featureFlags)
            {
                flags[i].WriteFeatureFlags(settings);
            }

            if (featureManagement)
            {
                flags[i].WriteFeatureManagement(settings, i);
            }
        }

        return settings;
    }

    public static IConfigurationRoot Configuration(IReadOnlyList<BenchmarkFlag>? flags = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(Settings(flags ?? Fifty)).Build();
}
