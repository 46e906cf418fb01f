using System.Net;

using Microsoft.AspNetCore.Http;

namespace FeatureFlags.AspNetCore.Tests.Gates;

public sealed class MinimalApiGateTests
{
    [Theory]
    [InlineData("/gated/on", HttpStatusCode.OK)]
    [InlineData("/gated/off", HttpStatusCode.NotFound)]
    [InlineData("/gated/off-403", HttpStatusCode.Forbidden)]
    [InlineData("/gated/off-redirect", HttpStatusCode.Redirect)]
    [InlineData("/gated/both", HttpStatusCode.NotFound)]
    public async Task RequireFlag_Endpoint_AnswersByFlag(string path, HttpStatusCode expected)
    {
        await using var site = await TestSite.StartAsync();

        var response = await site.GetAsync(path);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task RequireFlag_OpenGate_RunsHandler()
    {
        await using var site = await TestSite.StartAsync();

        (await (await site.GetAsync("/gated/on")).Content.ReadAsStringAsync()).ShouldBe("open");
    }

    [Fact]
    public async Task RequireFlag_CustomResult_AnswersIt()
    {
        await using var site = await TestSite.StartAsync();

        var response = await site.GetAsync("/gated/off-redirect");

        response.Headers.Location!.OriginalString.ShouldBe("/old");
    }

    [Theory]
    [InlineData("/beta/report", "beta", HttpStatusCode.OK)]
    [InlineData("/beta/summary", "beta", HttpStatusCode.OK)]
    [InlineData("/beta/report", "staff", HttpStatusCode.NotFound)]
    [InlineData("/beta/summary", "", HttpStatusCode.NotFound)]
    public async Task RequireFlag_RouteGroup_GatesEveryEndpointByUserGroup(string path, string roles, HttpStatusCode expected)
    {
        await using var site = await TestSite.StartAsync();

        var response = await site.GetAsync(path, "carol", roles);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task RequireFlag_OptionsStatusCode_UsedByGatesWithoutTheirOwn()
    {
        await using var site = await TestSite.StartAsync(new SiteSetup { Options = o => o.GateClosedStatusCode = StatusCodes.Status410Gone });

        (await site.GetAsync("/gated/off")).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await site.GetAsync("/gated/off-403")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RequireFlag_OptionsResult_ReceivesFlagName()
    {
        await using var site = await TestSite.StartAsync(new SiteSetup
        {
            Options = o => o.GateClosedResult = (_, flag) => Results.Text($"{flag} is off", statusCode: StatusCodes.Status503ServiceUnavailable),
        });

        var response = await site.GetAsync("/gated/off");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Off is off");
    }
}
