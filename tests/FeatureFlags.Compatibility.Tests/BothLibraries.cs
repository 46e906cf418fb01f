using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace FeatureFlags.Compatibility.Tests;

/// <summary>
/// Microsoft.FeatureManagement 4.7.0 and this library in one container over one configuration and one clock, as an
/// application migrating between them has: the first reads its section itself, the second through
/// <c>AddMicrosoftFeatureManagementFlags()</c>.
/// </summary>
internal sealed class BothLibraries : IDisposable
{
    private readonly ServiceProvider _services;

    public BothLibraries(string json, DateTimeOffset? now = null)
        : this([json], now)
    {
    }

    /// <param name="layers">JSON files in the order they are added, as appsettings.json then appsettings.{Environment}.json: later ones override.</param>
    /// <param name="now">The instant both clocks show.</param>
    public BothLibraries(IReadOnlyList<string> layers, DateTimeOffset? now = null)
    {
        var builder = new ConfigurationBuilder();
        foreach (var json in layers)
        {
            builder.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        var configuration = builder.Build();
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddFeatureManagement();
        services.AddFeatureFlags(configuration).AddMicrosoftFeatureManagementFlags();
        _services = services.BuildServiceProvider();
        FeatureManager = _services.GetRequiredService<IFeatureManager>();
        Reader = _services.GetRequiredService<IFlagReader>();

        // Its time window filter reads the clock it is given, here the test's.
        foreach (var filter in _services.GetServices<IFeatureFilterMetadata>().OfType<TimeWindowFilter>())
        {
            filter.SystemClock = Clock;
        }
    }

    public FakeTimeProvider Clock { get; }

    public IFeatureManager FeatureManager { get; }

    public IFlagReader Reader { get; }

    /// <summary>Both answers for one user: Microsoft.FeatureManagement's, then this library's.</summary>
    public async Task<(bool Theirs, bool Ours)> AskAsync(string flag, string? user, IReadOnlyList<string> groups)
    {
        var theirs = await FeatureManager.IsEnabledAsync(flag, new TargetingContext { UserId = user, Groups = groups });
        var ours = Reader.IsEnabled(flag, new EvaluationContext(user, groups));
        return (theirs, ours);
    }

    /// <summary>Both variants for one user, by name (null for none): Microsoft.FeatureManagement's, then this library's.</summary>
    public async Task<(string? Theirs, string? Ours)> VariantAsync(string flag, string? user, IReadOnlyList<string> groups)
    {
        var theirs = await ((IVariantFeatureManager)FeatureManager).GetVariantAsync(flag, new TargetingContext { UserId = user, Groups = groups }, CancellationToken.None);
        var ours = SnapshotFor(user, groups).GetVariant(flag);
        return (theirs?.Name, ours);
    }

    public IFlagSnapshot SnapshotFor(string? user, IReadOnlyList<string> groups) =>
        _services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext(user, groups));

    public void Dispose() => _services.Dispose();
}
