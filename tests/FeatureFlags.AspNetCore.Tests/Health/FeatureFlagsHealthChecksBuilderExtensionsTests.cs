using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeatureFlags.AspNetCore.Tests.Health;

public sealed class FeatureFlagsHealthChecksBuilderExtensionsTests
{
    [Fact]
    public async Task MapHealthChecks_ReloadRejected_EndpointTurnsDegradedThenHealthy()
    {
        await using var site = await TestSite.StartAsync();
        (await HealthAsync(site)).ShouldBe("Healthy");

        site.App.Configuration["FeatureFlags:On"] = "ture";
        ((IConfigurationRoot)site.App.Configuration).Reload();
        (await HealthAsync(site)).ShouldBe("Degraded");

        site.App.Configuration["FeatureFlags:On"] = "true";
        ((IConfigurationRoot)site.App.Configuration).Reload();
        (await HealthAsync(site)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task AddFeatureFlagsHealthCheck_Registered_UnderItsNameWithTags()
    {
        await using var site = await TestSite.StartAsync();

        var report = await site.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        var entry = report.Entries.ShouldHaveSingleItem();
        entry.Key.ShouldBe("feature-flags");
        entry.Value.Status.ShouldBe(HealthStatus.Healthy);
        entry.Value.Data["flags"].ShouldBe(5);
    }

    [Fact]
    public async Task AddFeatureFlagsHealthCheck_WithoutTheRuntime_FailsNamingTheMissingCall()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks().AddFeatureFlagsHealthCheck();
        await using var provider = services.BuildServiceProvider();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => provider.GetRequiredService<HealthCheckService>().CheckHealthAsync());

        error.Message.ShouldContain("services.AddFeatureFlags(configuration)");
    }

    private static async Task<string> HealthAsync(TestSite site)
    {
        var response = await site.GetAsync("/health");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
