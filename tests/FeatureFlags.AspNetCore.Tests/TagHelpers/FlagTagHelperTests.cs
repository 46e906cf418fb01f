namespace FeatureFlags.AspNetCore.Tests.TagHelpers;

public sealed class FlagTagHelperTests
{
    [Theory]
    [InlineData("element-on", true)]
    [InlineData("element-off", false)]
    [InlineData("element-off-negated", true)]
    [InlineData("element-on-negated", false)]
    [InlineData("element-blue", true)]
    [InlineData("element-blue-any-case", true)]
    [InlineData("element-green", false)]
    [InlineData("element-green-negated", true)]
    [InlineData("attribute-on", true)]
    [InlineData("attribute-off", false)]
    [InlineData("attribute-off-negated", true)]
    [InlineData("attribute-blue", true)]
    [InlineData("attribute-green", false)]
    public async Task Render_Anonymous_ShowsByFlagNegationAndVariant(string id, bool shown)
    {
        await using var site = await TestSite.StartAsync();

        var html = await (await site.GetAsync("/Tags")).Content.ReadAsStringAsync();

        html.Contains($"id=\"{id}\"", StringComparison.Ordinal).ShouldBe(shown, html);
    }

    [Fact]
    public async Task Render_FlagElement_IsNotRendered()
    {
        await using var site = await TestSite.StartAsync();

        var html = await (await site.GetAsync("/Tags")).Content.ReadAsStringAsync();

        html.ShouldNotContain("<flag");
        html.ShouldNotContain("feature-flag");
    }

    [Theory]
    [InlineData("beta", true)]
    [InlineData("staff", false)]
    public async Task Render_TargetedFlag_FollowsSignedInUser(string roles, bool shown)
    {
        await using var site = await TestSite.StartAsync();

        var html = await (await site.GetAsync("/Tags", "erin", roles)).Content.ReadAsStringAsync();

        html.Contains("id=\"element-beta\"", StringComparison.Ordinal).ShouldBe(shown);
    }
}
