using System.Net;

namespace FeatureFlags.AspNetCore.Tests.Gates;

public sealed class MvcGateTests
{
    [Theory]
    [InlineData("/mvc/on", HttpStatusCode.OK)]
    [InlineData("/mvc/off", HttpStatusCode.NotFound)]
    [InlineData("/mvc/off-403", HttpStatusCode.Forbidden)]
    [InlineData("/mvc/closed", HttpStatusCode.NotFound)]
    public async Task RequireFlagAttribute_Controller_AnswersByFlag(string path, HttpStatusCode expected)
    {
        await using var site = await TestSite.StartAsync();

        (await site.GetAsync(path)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("beta", HttpStatusCode.OK)]
    [InlineData("staff", HttpStatusCode.NotFound)]
    public async Task RequireFlagAttribute_Action_FollowsUserGroups(string roles, HttpStatusCode expected)
    {
        await using var site = await TestSite.StartAsync();

        (await site.GetAsync("/mvc/beta", "dave", roles)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task RequireFlagAttribute_OptionsResult_UsedForMvcToo()
    {
        await using var site = await TestSite.StartAsync(new SiteSetup
        {
            Options = o => o.GateClosedResult = (_, flag) => Microsoft.AspNetCore.Http.Results.Text($"{flag} is off", statusCode: 503),
        });

        var response = await site.GetAsync("/mvc/off");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Off is off");
    }

    [Theory]
    [InlineData("/Open", HttpStatusCode.OK)]
    [InlineData("/Closed", HttpStatusCode.NotFound)]
    public async Task RequireFlagAttribute_RazorPage_AnswersByFlag(string path, HttpStatusCode expected)
    {
        await using var site = await TestSite.StartAsync();

        (await site.GetAsync(path)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task RequireFlag_OnMapRazorPages_GatesPagesWhereEndpointFiltersDoNotRun()
    {
        await using var closed = await TestSite.StartAsync(new SiteSetup { GateAllPagesWith = SiteFlags.Off });
        await using var open = await TestSite.StartAsync(new SiteSetup { GateAllPagesWith = SiteFlags.On });

        (await closed.GetAsync("/Open")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await open.GetAsync("/Open")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(SiteFlags.Off, "/Plain", HttpStatusCode.NotFound)]
    [InlineData(SiteFlags.Off, "/Admin", HttpStatusCode.NotFound)]
    [InlineData(SiteFlags.On, "/Plain", HttpStatusCode.OK)]
    [InlineData(SiteFlags.On, "/Admin", HttpStatusCode.OK)]
    [InlineData(null, "/Plain", HttpStatusCode.OK)]
    public async Task RequireFlagForPageAndFolder_PageConventions_GatePagesWithoutAttributes(string? flag, string path, HttpStatusCode expected)
    {
        await using var site = await TestSite.StartAsync(new SiteSetup { PlainPageFlag = flag });

        (await site.GetAsync(path)).StatusCode.ShouldBe(expected);
    }
}
