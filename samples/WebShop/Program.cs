using System.Security.Claims;
using FeatureFlags;

using WebShop;
using WebShop.Api;
using WebShop.Demo;
using WebShop.Domain;
using WebShop.Telemetry;

var builder = WebApplication.CreateBuilder(args);

// Fleet-wide flags from etcd when an endpoint is given (--Etcd:Endpoint=http://127.0.0.1:2379, docs/etcd.md): the keys
// under /featureflags/{environment}/ win over the settings files. Without one, the files alone, as before.
if (builder.Configuration["Etcd:Endpoint"] is { Length: > 0 } etcd)
{
    builder.Configuration.AddEtcdFlags(options => options.Endpoints.Add(etcd));
}

builder.Services.AddAuthentication(DemoUserHandler.SchemeName)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DemoUserHandler>(DemoUserHandler.SchemeName, null);
builder.Services.AddAuthorization();
builder.Services.AddRazorPages();

// Flags from appsettings*.json, the per-request context from the signed-in user (the country claim becomes the
// attribute that FreeShipping's rule reads in production), gates and tag helpers.
builder.Services.AddFeatureFlags(builder.Configuration)
    .AddCatalog<Flags>()
    .AddAspNetCore(options => options.AttributeClaimTypes[ClaimTypes.Country] = "country");

// Is the flag configuration in force the one on disk (or in etcd)? GET /health answers, with since when (docs/observability.md).
builder.Services.AddHealthChecks().AddFeatureFlagsHealthCheck();

// Traces with one feature_flag.evaluation event per flag a request read, and the flag metrics, printed to the console
// with --Telemetry:Console=true. Off by default: nothing listens, and flag reads cost what they always did.
if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
{
    builder.Services.AddShopTelemetry().WithConsoleExporter();
}

builder.Services.AddSingleton(ProductCatalog.CreateDemo());
builder.Services.AddSingleton<PricingService>();
builder.Services.AddSingleton<HomePageService>();
builder.Services.AddSingleton<CheckoutService>();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();

app.UseExceptionHandler("/error");
app.UseAuthentication();
app.UseAuthorization();

app.MapShopApi();
app.MapRazorPages();
app.MapGet("/error", () => Results.Problem()).ExcludeFromDescription();
app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync });

// GET /_flags lists this request's flags with reasons and sources. Development only (404 elsewhere).
app.MapFeatureFlagsDebug();

app.Run();

/// <summary>The web shop; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
