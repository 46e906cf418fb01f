using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 11: schedules, prerequisites and variant values, read for one user. A flag inside a one-off window and one
/// inside a daily recurring window (23 hours a day); a flag that requires a flag that requires a 100 % rollout (a
/// two-level chain, every level evaluated); and a two-variant experiment whose variants carry a value, read as a bound
/// object. Beside each, Microsoft.FeatureManagement 4.7.0 on the same definitions in its Microsoft schema: its
/// <c>Microsoft.TimeWindow</c> filter (with <c>Recurrence</c>), the chain written by hand (it has no prerequisites), and
/// <c>GetVariantAsync</c> with the variant's <c>configuration_value</c> bound as its users bind it.
/// </summary>
[MemoryDiagnoser]
public class S11ScheduleBenchmarks
{
    private static readonly FlagKey OneOffKey = new("OneOff");
    private static readonly FlagKey RecurringKey = new("Recurring");
    private static readonly FlagKey ChainKey = new("NewCheckout");
    private static readonly FlagKey ButtonKey = new("Button");
    private static readonly TargetingContext User = new() { UserId = "user-48213", Groups = ["customers"] };

    private ServiceProvider _services = null!;
    private IVariantFeatureManager _featureManager = null!;
    private IFlagSnapshot _snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureFlags(configuration).AddCatalog(Catalog);
        services.AddFeatureManagement();
        _services = services.BuildServiceProvider();
        _featureManager = _services.GetRequiredService<IVariantFeatureManager>();
        _snapshot = _services.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext(User.UserId, User.Groups.ToArray()));

        // The two libraries bucket users differently, so the variant may differ; both must serve one with its value.
        var hourOfDay = DateTimeOffset.UtcNow.Hour;
        if (OneOff() != FeatureManagementOneOff() || Recurring() != FeatureManagementRecurring() || !OneOff() || Recurring() != (hourOfDay < 23)
            || !Chain() || !FeatureManagementChain() || Value() is null || FeatureManagementValue() is null)
        {
            throw new InvalidOperationException(
                "The two libraries must give the same answers for every scenario: "
                + $"one-off {OneOff()}/{FeatureManagementOneOff()}, recurring {Recurring()}/{FeatureManagementRecurring()} (hour {hourOfDay}), "
                + $"chain {Chain()}/{FeatureManagementChain()}, value {Value()?.Color}/{FeatureManagementValue()?.Color}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "MSFM TimeWindow, one-off")]
    public bool FeatureManagementOneOff() => _featureManager.IsEnabledAsync("OneOff", User, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, one-off window")]
    public bool OneOff() => _snapshot.IsEnabled(OneOffKey);

    [Benchmark(Description = "MSFM TimeWindow, daily recurrence")]
    public bool FeatureManagementRecurring() => _featureManager.IsEnabledAsync("Recurring", User, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, daily recurrence")]
    public bool Recurring() => _snapshot.IsEnabled(RecurringKey);

    [Benchmark(Description = "MSFM three IsEnabledAsync by hand (no prerequisites)")]
    public bool FeatureManagementChain() =>
        _featureManager.IsEnabledAsync("Ledger", User, CancellationToken.None).AsTask().GetAwaiter().GetResult()
        && _featureManager.IsEnabledAsync("Payments", User, CancellationToken.None).AsTask().GetAwaiter().GetResult()
        && _featureManager.IsEnabledAsync("NewCheckout", User, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "FeatureFlags snapshot, two-level prerequisite chain")]
    public bool Chain() => _snapshot.IsEnabled(ChainKey);

    [Benchmark(Description = "MSFM GetVariantAsync + Configuration.Get<T>")]
    public ButtonStyle? FeatureManagementValue() =>
        _featureManager.GetVariantAsync("Button", User, CancellationToken.None).AsTask().GetAwaiter().GetResult()?.Configuration?.Get<ButtonStyle>();

    [Benchmark(Description = "FeatureFlags snapshot GetVariantValue<T> (bound at load)")]
    public ButtonStyle? Value() => _snapshot.GetVariantValue<ButtonStyle>(ButtonKey);

    /// <summary>The experiment's declaration with its value type, as the generated catalog writes it.</summary>
    private static FlagCatalog Catalog { get; } = new(
        "S11",
        [new FlagDefinition("Button", FlagKind.Experiment, new DateOnly(2099, 12, 31), variantType: FlagVariantType.Create(static value => value.Get<ButtonStyle>()))]);

    private static Dictionary<string, string?> Settings()
    {
        const string Ms = "feature_management:feature_flags:";
        return new Dictionary<string, string?>
        {
            ["FeatureFlags:OneOff:Schedule:From"] = "2026-01-01T00:00:00Z",
            ["FeatureFlags:OneOff:Schedule:Until"] = "2099-01-01T00:00:00Z",
            ["FeatureFlags:Recurring:Schedule:From"] = "2026-01-01T00:00:00Z",
            ["FeatureFlags:Recurring:Schedule:Until"] = "2026-01-01T23:00:00Z",
            ["FeatureFlags:Recurring:Schedule:Recurrence:Pattern"] = "Daily",
            ["FeatureFlags:Ledger:Rollout"] = "100",
            ["FeatureFlags:Payments:Requires:0"] = "Ledger",
            ["FeatureFlags:NewCheckout:Requires:0"] = "Payments",
            ["FeatureFlags:Button:Variants:blue:Weight"] = "50",
            ["FeatureFlags:Button:Variants:blue:Value:Color"] = "#1565c0",
            ["FeatureFlags:Button:Variants:green:Weight"] = "50",
            ["FeatureFlags:Button:Variants:green:Value:Color"] = "#2e7d32",

            [Ms + "0:id"] = "OneOff",
            [Ms + "0:enabled"] = "true",
            [Ms + "0:conditions:client_filters:0:name"] = "Microsoft.TimeWindow",
            [Ms + "0:conditions:client_filters:0:parameters:Start"] = "2026-01-01T00:00:00Z",
            [Ms + "0:conditions:client_filters:0:parameters:End"] = "2099-01-01T00:00:00Z",
            [Ms + "1:id"] = "Recurring",
            [Ms + "1:enabled"] = "true",
            [Ms + "1:conditions:client_filters:0:name"] = "Microsoft.TimeWindow",
            [Ms + "1:conditions:client_filters:0:parameters:Start"] = "2026-01-01T00:00:00Z",
            [Ms + "1:conditions:client_filters:0:parameters:End"] = "2026-01-01T23:00:00Z",
            [Ms + "1:conditions:client_filters:0:parameters:Recurrence:Pattern:Type"] = "Daily",
            [Ms + "1:conditions:client_filters:0:parameters:Recurrence:Range:Type"] = "NoEnd",
            [Ms + "2:id"] = "Ledger",
            [Ms + "2:enabled"] = "true",
            [Ms + "2:conditions:client_filters:0:name"] = "Microsoft.Targeting",
            [Ms + "2:conditions:client_filters:0:parameters:Audience:DefaultRolloutPercentage"] = "100",
            [Ms + "3:id"] = "Payments",
            [Ms + "3:enabled"] = "true",
            [Ms + "4:id"] = "NewCheckout",
            [Ms + "4:enabled"] = "true",
            [Ms + "5:id"] = "Button",
            [Ms + "5:enabled"] = "true",
            [Ms + "5:variants:0:name"] = "blue",
            [Ms + "5:variants:0:configuration_value:Color"] = "#1565c0",
            [Ms + "5:variants:1:name"] = "green",
            [Ms + "5:variants:1:configuration_value:Color"] = "#2e7d32",
            [Ms + "5:allocation:percentile:0:variant"] = "blue",
            [Ms + "5:allocation:percentile:0:from"] = "0",
            [Ms + "5:allocation:percentile:0:to"] = "50",
            [Ms + "5:allocation:percentile:1:variant"] = "green",
            [Ms + "5:allocation:percentile:1:from"] = "50",
            [Ms + "5:allocation:percentile:1:to"] = "100",
        };
    }

    /// <summary>A variant's value.</summary>
    public sealed class ButtonStyle
    {
        public string Color { get; set; } = "";
    }
}
