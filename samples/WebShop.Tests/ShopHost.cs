using System.Net.Http.Json;

using FeatureFlags;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using WebShop.Domain;

namespace WebShop.Tests;

/// <summary>The real shop on Kestrel at 127.0.0.1 on a free port, optionally with its flags replaced.</summary>
internal sealed class ShopHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private ShopHost(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
        // The server's own address: port 0 means the system chose one.
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// Starts the shop in <paramref name="environment"/>; <paramref name="flags"/> replaces its flags when given, and
    /// <paramref name="time"/> its clock (which scheduled flags read).
    /// </summary>
    public static ShopHost Start(string environment = "Development", IFlagSnapshot? flags = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var factory = new ShopFactory(environment, flags, time, services);
        factory.StartServer();
        return new ShopHost(factory);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? user = null, string? roles = null) =>
        Client.SendAsync(Request(HttpMethod.Get, path, user, roles));

    public Task<HttpResponseMessage> CheckoutAsync(string path, string? user = null, string? country = null)
    {
        var request = Request(HttpMethod.Post, path, user, null);
        if (country is not null)
        {
            request.Headers.Add("X-Country", country);
        }

        request.Content = JsonContent.Create(new { items = new[] { new CartLine(3, 1) } });
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>
    /// Configures the host in an override rather than through <c>WithWebHostBuilder</c>: a derived
    /// factory does not carry <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel(int)"/> over.
    /// </summary>
    private sealed class ShopFactory : WebApplicationFactory<Program>
    {
        private readonly string _environment;
        private readonly IFlagSnapshot? _flags;
        private readonly TimeProvider? _time;
        private readonly Action<IServiceCollection>? _services;

        public ShopFactory(string environment, IFlagSnapshot? flags, TimeProvider? time, Action<IServiceCollection>? services)
        {
            _environment = environment;
            _flags = flags;
            _time = time;
            _services = services;

            // A real server on 127.0.0.1 and a free port, not the in-memory TestServer.
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(_environment);
            if (_flags is not null)
            {
                builder.ConfigureTestServices(services => services.UseFixedFlags(_flags));
            }

            if (_time is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(_time));
            }

            if (_services is not null)
            {
                builder.ConfigureTestServices(_services);
            }
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? user, string? roles)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Add("X-User", user);
        }

        if (roles is not null)
        {
            request.Headers.Add("X-Roles", roles);
        }

        return request;
    }
}
