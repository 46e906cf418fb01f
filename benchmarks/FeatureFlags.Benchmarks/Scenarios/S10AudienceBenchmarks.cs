using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 10: audience rules. One flag with an exclusion list (five users and a group), a segment (pro plan) and a
/// rule of three attribute conditions (country in NL/BE, app version at least 2.3, seats at least 10), read for a
/// context that matches the rule and one that fails its last condition; neither is excluded or in the segment, so
/// both walk the whole audience. Beside it, Microsoft.FeatureManagement 4.7.0 with the same audience: its targeting
/// filter with the exclusion (and everyone else in), and, required as well, a custom contextual filter doing the same
/// plan and attribute checks on values parsed when the context was made.
/// </summary>
[MemoryDiagnoser]
public class S10AudienceBenchmarks
{
    private const string Flag = "Audience";
    private static readonly FlagKey Key = new(Flag);

    private static readonly AudienceContext Matching = new("user-48213", ["customers"], "NL", new Version(2, 4, 1), 12, "free");
    private static readonly AudienceContext NotMatching = new("user-48213", ["customers"], "NL", new Version(2, 4, 1), 3, "free");

    private ServiceProvider _services = null!;
    private IFeatureManager _featureManager = null!;
    private IFlagSnapshot _matching = null!;
    private IFlagSnapshot _notMatching = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureFlags(configuration);
        services.AddFeatureManagement().AddFeatureFilter<AttributesFilter>();
        _services = services.BuildServiceProvider();
        _featureManager = _services.GetRequiredService<IFeatureManager>();
        var factory = _services.GetRequiredService<IFlagSnapshotFactory>();
        _matching = factory.CreateSnapshot(Matching.Flags);
        _notMatching = factory.CreateSnapshot(NotMatching.Flags);

        if (!_matching.IsEnabled(Key) || _notMatching.IsEnabled(Key) || !FeatureManagementMatching() || FeatureManagementNotMatching())
        {
            throw new InvalidOperationException("The two libraries must give the same answers: on for the matching context, off for the other.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM targeting (exclusion) + custom attribute filter, matching")]
    public bool FeatureManagementMatching() => _featureManager.IsEnabledAsync(Flag, Matching).GetAwaiter().GetResult();

    [Benchmark(Description = "MSFM targeting (exclusion) + custom attribute filter, not matching")]
    public bool FeatureManagementNotMatching() => _featureManager.IsEnabledAsync(Flag, NotMatching).GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, exclusion + segment + 3 attribute conditions, matching")]
    public bool SnapshotMatching() => _matching.IsEnabled(Key);

    [Benchmark(Description = "FeatureFlags snapshot, exclusion + segment + 3 attribute conditions, not matching")]
    public bool SnapshotNotMatching() => _notMatching.IsEnabled(Key);

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["FeatureFlagSegments:Pro:Rules:0:When:plan:In:0"] = "pro",
            [$"FeatureFlags:{Flag}:Enabled"] = "true",
            [$"FeatureFlags:{Flag}:Segments:0"] = "Pro",
            [$"FeatureFlags:{Flag}:Exclude:Groups:0"] = "legal-hold",
            [$"FeatureFlags:{Flag}:Rules:0:When:country:In:0"] = "NL",
            [$"FeatureFlags:{Flag}:Rules:0:When:country:In:1"] = "BE",
            [$"FeatureFlags:{Flag}:Rules:0:When:appVersion:VersionGreaterThanOrEqual"] = "2.3",
            [$"FeatureFlags:{Flag}:Rules:0:When:seats:GreaterThanOrEqual"] = "10",
            [$"FeatureManagement:{Flag}:RequirementType"] = "All",
            [$"FeatureManagement:{Flag}:EnabledFor:0:Name"] = "Microsoft.Targeting",
            [$"FeatureManagement:{Flag}:EnabledFor:0:Parameters:Audience:DefaultRolloutPercentage"] = "100",
            [$"FeatureManagement:{Flag}:EnabledFor:0:Parameters:Audience:Exclusion:Groups:0"] = "legal-hold",
            [$"FeatureManagement:{Flag}:EnabledFor:1:Name"] = "Attributes",
        };
        for (var i = 0; i < 5; i++)
        {
            settings[$"FeatureFlags:{Flag}:Exclude:Users:{i}"] = $"excluded-{i}";
            settings[$"FeatureManagement:{Flag}:EnabledFor:0:Parameters:Audience:Exclusion:Users:{i}"] = $"excluded-{i}";
        }

        return settings;
    }

    /// <summary>One user in both libraries' terms, its attributes parsed once, as each library expects them.</summary>
    public sealed class AudienceContext : ITargetingContext
    {
        public AudienceContext(string userId, string[] groups, string country, Version appVersion, int seats, string plan)
        {
            UserId = userId;
            Groups = groups;
            Country = country;
            AppVersion = appVersion;
            Seats = seats;
            Plan = plan;
            Flags = new EvaluationContext(userId, groups, new("country", country), new("appVersion", appVersion.ToString()), new("seats", seats), new("plan", plan));
        }

        public string UserId { get; set; }

        public IEnumerable<string> Groups { get; set; }

        public string Country { get; }

        public Version AppVersion { get; }

        public int Seats { get; }

        public string Plan { get; }

        public EvaluationContext Flags { get; }
    }

    /// <summary>The custom filter an MSFM user writes for the same audience: the pro segment or the attribute rule.</summary>
    [FilterAlias("Attributes")]
    public sealed class AttributesFilter : IContextualFeatureFilter<AudienceContext>
    {
        private static readonly Version MinimumVersion = new(2, 3);

        public Task<bool> EvaluateAsync(FeatureFilterEvaluationContext featureFilterContext, AudienceContext appContext) =>
            Task.FromResult(
                appContext.Plan == "pro"
                || ((appContext.Country == "NL" || appContext.Country == "BE") && appContext.AppVersion >= MinimumVersion && appContext.Seats >= 10));
    }
}
