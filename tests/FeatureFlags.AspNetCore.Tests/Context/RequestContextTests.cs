using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using System.Net.Http.Json;
using System.Security.Claims;

using FeatureFlags.AspNetCore.Context;

namespace FeatureFlags.AspNetCore.Tests.Context;

public sealed class RequestContextTests
{
    [Fact]
    public async Task Context_SignedInUser_KeyFromNameIdentifierAndGroupsFromRoles()
    {
        await using var site = await TestSite.StartAsync();

        var context = await (await site.GetAsync("/context", "alice", "beta, admin")).Content.ReadFromJsonAsync<ContextView>();

        context!.Key.ShouldBe("alice");
        context.Groups.ShouldBe(["beta", "admin"]);
    }

    [Fact]
    public async Task Context_OnlySubClaim_KeyFromSub()
    {
        await using var site = await TestSite.StartAsync();

        var context = await (await site.GetAsync("/context", "subject-42", keyClaim: "sub")).Content.ReadFromJsonAsync<ContextView>();

        context!.Key.ShouldBe("subject-42");
    }

    [Fact]
    public async Task Context_Anonymous_NoKeyNoGroups()
    {
        await using var site = await TestSite.StartAsync();

        var context = await (await site.GetAsync("/context")).Content.ReadFromJsonAsync<ContextView>();

        context!.Key.ShouldBeNull();
        context.Groups.ShouldBeEmpty();
    }

    [Fact]
    public async Task Context_ConfiguredClaimTypes_UsesThem()
    {
        await using var site = await TestSite.StartAsync(new SiteSetup
        {
            Options = o =>
            {
                o.KeyClaimTypes.Clear();
                o.KeyClaimTypes.Add(ClaimTypes.Email);
            },
        });

        var byEmail = await (await site.GetAsync("/context", "alice@example.com", keyClaim: ClaimTypes.Email)).Content.ReadFromJsonAsync<ContextView>();
        var byId = await (await site.GetAsync("/context", "alice")).Content.ReadFromJsonAsync<ContextView>();

        byEmail!.Key.ShouldBe("alice@example.com");
        byId!.Key.ShouldBeNull();
    }

    [Fact]
    public void FromUser_UnauthenticatedIdentity_IgnoresItsClaims()
    {
        var unauthenticated = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "mallory"), new Claim(ClaimTypes.Role, "admin")]);

        var context = HttpContextEvaluationContextProvider.FromUser(new ClaimsPrincipal(unauthenticated), new FeatureFlagsAspNetCoreOptions());

        context.ShouldBeSameAs(EvaluationContext.Empty);
    }

    [Fact]
    public void FromUser_CustomGroupClaimAndIdentityRoleType_BothBecomeGroups()
    {
        var options = new FeatureFlagsAspNetCoreOptions();
        options.GroupClaimTypes.Add("tenant");
        var identity = new ClaimsIdentity(
            [new Claim("sub", "bob"), new Claim("tenant", "acme"), new Claim("app-role", "editor"), new Claim("app-role", "editor")],
            authenticationType: "Test",
            nameType: "name",
            roleType: "app-role");

        var context = HttpContextEvaluationContextProvider.FromUser(new ClaimsPrincipal(identity), options);

        context.Key.ShouldBe("bob");
        context.Groups.ShouldBe(["acme", "editor"]);
    }

    [Fact]
    public void FromUser_MappedClaims_BecomeAttributesFromAuthenticatedIdentitiesOnly()
    {
        var options = new FeatureFlagsAspNetCoreOptions();
        options.AttributeClaimTypes["tid"] = "tenant";
        options.AttributeClaimTypes[ClaimTypes.Country] = "country";
        var signedIn = new ClaimsIdentity([new Claim("sub", "bob"), new Claim("tid", "acme"), new Claim("tid", "other")], authenticationType: "Test");
        var forged = new ClaimsIdentity([new Claim(ClaimTypes.Country, "NL")]);

        var context = HttpContextEvaluationContextProvider.FromUser(new ClaimsPrincipal([signedIn, forged]), options);

        context.TryGetAttribute("tenant", out var tenant).ShouldBeTrue();
        tenant.Text.ShouldBe("acme");
        context.TryGetAttribute("country", out _).ShouldBeFalse();
    }

    [Fact]
    public void GetContext_AddAttributesHook_AddsPerRequestAfterClaims()
    {
        var options = new FeatureFlagsAspNetCoreOptions { AddAttributes = (http, attributes) => attributes.Add(new ContextAttribute("appVersion", http.Request.Headers["X-App-Version"].ToString())) };
        options.AttributeClaimTypes["tid"] = "tenant";
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bob"), new Claim("tid", "acme")], "Test")) };
        http.Request.Headers["X-App-Version"] = "2.4.1";
        var provider = new HttpContextEvaluationContextProvider(new HttpContextAccessor { HttpContext = http }, Options.Create(options));

        var context = provider.GetContext();

        context.Key.ShouldBe("bob");
        context.Attributes.Select(a => a.ToString()).ShouldBe(["tenant=acme", "appVersion=2.4.1"]);
    }

    [Fact]
    public async Task Snapshot_ReloadDuringRequest_OneSnapshotPerRequestAndNextRequestSeesChange()
    {
        await using var site = await TestSite.StartAsync();

        var during = await (await site.GetAsync("/snapshot")).Content.ReadFromJsonAsync<SnapshotView>();
        var next = await (await site.GetAsync("/live")).Content.ReadFromJsonAsync<bool>();

        during!.Same.ShouldBeTrue();
        during.Before.ShouldBeTrue();
        during.After.ShouldBeTrue("the request's snapshot must not change when configuration reloads");
        during.Fresh.ShouldBeFalse("the reload itself must have taken effect");
        next.ShouldBeFalse();
    }
}
