using FeatureFlags.AspNetCore.Context;
using FeatureFlags.AspNetCore.Gates;

using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeatureFlags.AspNetCore.Tests.Context;

public sealed class RegistrationTests
{
    [Fact]
    public void AddAspNetCore_CalledTwice_OneProviderAndOneMvcFilter()
    {
        var services = new ServiceCollection();
        services.AddFeatureFlags(new ConfigurationBuilder().Build()).AddAspNetCore().AddAspNetCore();
        services.AddControllers();
        using var provider = services.BuildServiceProvider();

        services.Where(d => d.ServiceType == typeof(IEvaluationContextProvider)).ShouldHaveSingleItem()
            .ImplementationType.ShouldBe(typeof(HttpContextEvaluationContextProvider));
        provider.GetRequiredService<IOptions<MvcOptions>>().Value.Filters.OfType<FlagGateMvcFilter>().ShouldHaveSingleItem();
    }

    [Fact]
    public void AddAspNetCore_ApplicationProviderRegistered_KeepsIt()
    {
        var services = new ServiceCollection();
        services.AddScoped<IEvaluationContextProvider, TenantContextProvider>();
        services.AddFeatureFlags(new ConfigurationBuilder().Build()).AddAspNetCore();

        services.Where(d => d.ServiceType == typeof(IEvaluationContextProvider)).ShouldHaveSingleItem()
            .ImplementationType.ShouldBe(typeof(TenantContextProvider));
    }

    private sealed class TenantContextProvider : IEvaluationContextProvider
    {
        public EvaluationContext GetContext() => new("tenant");
    }
}
