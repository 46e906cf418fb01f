using System.Net;
using System.Text.Json;

namespace FeatureFlags.AspNetCore.Tests.Debug;

public sealed class DebugEndpointTests
{
    [Fact]
    public async Task Debug_Development_ListsRequestFlagsWithReasonAndSource()
    {
        await using var site = await TestSite.StartAsync();

        var response = await site.GetAsync("/_flags", "alice", "beta");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("environment").GetString().ShouldBe("Development");
        root.GetProperty("context").GetProperty("key").GetString().ShouldBe("alice");
        var flags = root.GetProperty("flags").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        flags.Keys.ShouldBe(["Beta", "Button", "Live", "Off", "On"], ignoreOrder: true);

        var beta = flags["Beta"];
        beta.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        beta.GetProperty("reason").GetString().ShouldBe("TargetedGroup");
        beta.GetProperty("kind").GetString().ShouldBe("Permission");
        beta.GetProperty("source").GetString().ShouldBe("FeatureFlags:Beta:Groups in in-memory configuration");

        var button = flags["Button"];
        button.GetProperty("variant").GetString().ShouldBe("blue");
        button.GetProperty("expires").GetString().ShouldBe("2027-06-30");

        var off = flags["Off"];
        off.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        off.GetProperty("source").GetString().ShouldBe("FeatureFlags:Off in in-memory configuration");
    }

    [Fact]
    public async Task Debug_Production_NotFound()
    {
        await using var site = await TestSite.StartAsync(new SiteSetup { Environment = "Production" });

        (await site.GetAsync("/_flags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Debug_ProductionExplicitlyAllowed_Serves()
    {
        await using var site = await TestSite.StartAsync(new SiteSetup { Environment = "Production", Options = o => o.AllowDebugEndpointOutsideDevelopment = true });

        var response = await site.GetAsync("/_flags");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"environment\":\"Production\"");
    }
}
