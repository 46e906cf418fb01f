using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeatureFlags.Testing.Tests.DependencyInjection;

public sealed class UseFixedFlagsTests
{
    private static IConfiguration Settings(bool newCheckout) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FeatureFlags:NewCheckout"] = newCheckout ? "true" : "false" })
            .Build();

    [Fact]
    public void UseFixedFlags_AfterAddFeatureFlags_ReplacesSnapshotAndFactory()
    {
        var services = new ServiceCollection();
        services.AddFeatureFlags(Settings(newCheckout: false)).AddCatalog<ShopFlags>();
        var fixedFlags = TestFlags.AllOff<ShopFlags>().With(ShopFlags.NewCheckout, true);

        services.UseFixedFlags(fixedFlags);

        services.Count(d => d.ServiceType == typeof(IFlagSnapshot)).ShouldBe(1);
        services.Count(d => d.ServiceType == typeof(IFlagSnapshotFactory)).ShouldBe(1);
        using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();
        var scoped = scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();
        scoped.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        scoped.IsEnabled(ShopFlags.SearchV2).ShouldBeFalse();
        provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot().IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
    }

    [Fact]
    public void UseFixedFlags_FlagReader_ReadsTheFixedFlagsOutsideAScope()
    {
        var services = new ServiceCollection();
        services.AddFeatureFlags(Settings(newCheckout: false)).AddCatalog<ShopFlags>();

        services.UseFixedFlags(TestFlags.With(ShopFlags.NewCheckout, true));

        services.Count(d => d.ServiceType == typeof(IFlagReader)).ShouldBe(1);
        using var provider = services.BuildServiceProvider(validateScopes: true);
        var reader = provider.GetRequiredService<IFlagReader>();
        reader.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        reader.IsEnabled(new FlagKey(ShopFlags.NewCheckout)).ShouldBeTrue();
        reader.IsEnabled(ShopFlags.SearchV2).ShouldBeFalse();
    }

    [Fact]
    public void UseFixedFlags_FlagReaderWithContext_AppliesTheFixedTargeting()
    {
        using var root = new TempDirectory().With("appsettings.json", """{ "FeatureFlags": { "BetaReports": { "Enabled": true, "Users": [ "alice" ] } } }""");
        var services = new ServiceCollection();
        services.AddFeatureFlags(Settings(newCheckout: false)).AddCatalog<ShopFlags>();

        services.UseFixedFlags(TestFlags.FromEnvironment(FlagCatalog.For<ShopFlags>(), "Production", root.Path, options: null));

        using var provider = services.BuildServiceProvider(validateScopes: true);
        var reader = provider.GetRequiredService<IFlagReader>();
        reader.IsEnabled(ShopFlags.BetaReports, new EvaluationContext("alice")).ShouldBeTrue();
        reader.IsEnabled(new FlagKey(ShopFlags.BetaReports), new EvaluationContext("bob")).ShouldBeFalse();
        reader.IsEnabled(ShopFlags.BetaReports).ShouldBeFalse();
    }

    [Fact]
    public void UseFixedFlags_ScopedSnapshot_FollowsTheApplicationsContext()
    {
        var services = new ServiceCollection();
        services.AddFeatureFlags(Settings(newCheckout: false)).AddCatalog<ShopFlags>();
        services.AddScoped<IEvaluationContextProvider>(_ => new FixedContextProvider(new EvaluationContext("alice")));

        services.UseFixedFlags(TestFlags.With(ShopFlags.NewCheckout, true));

        using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();
        var scoped = scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();
        scoped.Context.Key.ShouldBe("alice");
        scoped.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
    }

    private sealed class FixedContextProvider(EvaluationContext context) : IEvaluationContextProvider
    {
        public EvaluationContext GetContext() => context;
    }

    [Fact]
    public void UseFixedFlags_BeforeAddFeatureFlags_StillWins()
    {
        var services = new ServiceCollection();
        services.UseFixedFlags(TestFlags.With(ShopFlags.NewCheckout, true));
        services.AddFeatureFlags(Settings(newCheckout: false));

        using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<IFlagSnapshot>().IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
    }

    [Fact]
    public void UseFixedFlags_FactoryWithContext_SameFlagsForThatContext()
    {
        var services = new ServiceCollection().UseFixedFlags(TestFlags.FromEnvironment<ShopFlags>("Development", AppContext.BaseDirectory));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IFlagSnapshotFactory>();
        var alice = new EvaluationContext("alice");

        var forAlice = factory.CreateSnapshot(alice);

        // appsettings.json allows alice into BetaReports; the fixed snapshot still targets by context.
        forAlice.Context.ShouldBeSameAs(alice);
        forAlice.IsEnabled(ShopFlags.BetaReports).ShouldBeTrue();
        factory.CreateSnapshot().IsEnabled(ShopFlags.BetaReports).ShouldBeFalse();
    }

    [Fact]
    public void UseFixedFlags_OtherSnapshotType_ServedAsGivenForEveryContext()
    {
        var custom = new AlwaysOn();
        using var provider = new ServiceCollection().UseFixedFlags(custom).BuildServiceProvider();

        provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(new EvaluationContext("bob")).ShouldBeSameAs(custom);
    }

    [Fact]
    public async Task UseFixedFlags_InARealHost_ApplicationServiceSeesFixedFlags()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddConfiguration(Settings(newCheckout: false));
        builder.Services.AddFeatureFlags(builder.Configuration).AddCatalog<ShopFlags>();
        builder.Services.AddScoped<CheckoutPage>();

        builder.Services.UseFixedFlags(TestFlags.Defaults<ShopFlags>().With(ShopFlags.NewCheckout, true));
        using var host = builder.Build();
        await host.StartAsync();
        using var scope = host.Services.CreateScope();

        scope.ServiceProvider.GetRequiredService<CheckoutPage>().Render().ShouldBe("new checkout");
        await host.StopAsync();
    }

    [Fact]
    public void UseFixedFlags_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new ServiceCollection().UseFixedFlags(null!));
        Should.Throw<ArgumentNullException>(() => FixedFlagsServiceCollectionExtensions.UseFixedFlags(null!, TestFlags.With("A", true)));
    }

    private sealed class CheckoutPage(IFlagSnapshot flags)
    {
        public string Render() => flags.IsEnabled(ShopFlags.NewCheckout) ? "new checkout" : "old checkout";
    }

    private sealed class AlwaysOn : IFlagSnapshot
    {
        public EvaluationContext Context => EvaluationContext.Empty;

        public bool IsEnabled(string flag) => true;

        public bool IsEnabled(FlagKey flag) => true;

        public string? GetVariant(string flag) => null;

        public string? GetVariant(FlagKey flag) => null;

        public T? GetVariantValue<T>(string flag) => default;

        public T? GetVariantValue<T>(FlagKey flag) => default;

        public FlagEvaluation Explain(string flag) => TestFlags.With(flag, true).Explain(flag);

        public IReadOnlyList<FlagEvaluation> ExplainAll() => [];
    }
}
