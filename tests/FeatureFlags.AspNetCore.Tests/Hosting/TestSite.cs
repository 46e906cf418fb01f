using System.Net.Http.Headers;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.AspNetCore.Tests.Hosting;

/// <summary>What a test changes about the site.</summary>
internal sealed record SiteSetup
{
    public string Environment { get; init; } = "Development";

    public Action<FeatureFlagsAspNetCoreOptions>? Options { get; init; }

    public Dictionary<string, string?> Flags { get; init; } = new(TestSite.DefaultFlags);

    /// <summary>Gates every Razor Page through the endpoint convention on <c>MapRazorPages()</c>.</summary>
    public string? GateAllPagesWith { get; init; }

    /// <summary>Gates the page <c>/Plain</c> and the folder <c>/Admin</c> through Razor Pages conventions.</summary>
    public string? PlainPageFlag { get; init; }
}

/// <summary>The test site on a real Kestrel server at 127.0.0.1 on a free port, and a client for it.</summary>
internal sealed class TestSite : IAsyncDisposable
{
    public static readonly IReadOnlyDictionary<string, string?> DefaultFlags = new Dictionary<string, string?>
    {
        ["FeatureFlags:On"] = "true",
        ["FeatureFlags:Off"] = "false",
        ["FeatureFlags:Beta:Enabled"] = "true",
        ["FeatureFlags:Beta:Groups:0"] = "beta",
        ["FeatureFlags:Button:Enabled"] = "true",
        ["FeatureFlags:Button:Variants:blue"] = "100",
        ["FeatureFlags:Live"] = "true",
    };

    private TestSite(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static Task<TestSite> StartAsync() => StartAsync(new SiteSetup());

    public static async Task<TestSite> StartAsync(SiteSetup setup)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = setup.Environment,
            // Controllers and Razor Pages are discovered in the application's assembly: this one.
            ApplicationName = typeof(TestSite).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(setup.Flags);

        builder.Services.AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddControllers();
        builder.Services.AddRazorPages(options =>
        {
            if (setup.PlainPageFlag is not null)
            {
                options.Conventions.RequireFlagForPage("/Plain", setup.PlainPageFlag);
                options.Conventions.RequireFlagForFolder("/Admin", setup.PlainPageFlag);
            }
        });
        builder.Services.AddFeatureFlags(builder.Configuration).AddCatalog<SiteFlags>().AddAspNetCore(setup.Options);
        builder.Services.AddHealthChecks().AddFeatureFlagsHealthCheck(tags: ["ready"]);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        SiteEndpoints.Map(app);
        app.MapControllers();
        var pages = app.MapRazorPages();
        if (setup.GateAllPagesWith is not null)
        {
            pages.RequireFlag(setup.GateAllPagesWith);
        }

        app.MapFeatureFlagsDebug();
        app.MapHealthChecks("/health");
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        return new TestSite(app, client);
    }

    /// <summary>GETs a path, signed in as <paramref name="user"/> with <paramref name="roles"/> when given.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string? user = null, string roles = "", string? keyClaim = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
            request.Headers.Add("X-Test-Roles", roles);
            if (keyClaim is not null)
            {
                request.Headers.Add("X-Test-Key-Claim", keyClaim);
            }
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
