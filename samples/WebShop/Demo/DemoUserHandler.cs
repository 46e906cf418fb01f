using System.Security.Claims;
using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WebShop.Demo;

/// <summary>
/// DEMO ONLY: signs the request in as whoever it claims to be, from <c>?user=alice&amp;roles=beta&amp;country=NL</c> or
/// the headers <c>X-User</c> / <c>X-Roles</c> / <c>X-Country</c>, so you can watch targeting and the sticky experiment
/// change per user without an identity provider. A real shop uses cookies or OpenID Connect; the flags
/// code does not change, it only reads the claims.
/// </summary>
internal sealed class DemoUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Demo";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = First(Request.Query["user"], Request.Headers["X-User"]);
        if (string.IsNullOrWhiteSpace(user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        var roles = First(Request.Query["roles"], Request.Headers["X-Roles"]) ?? string.Empty;
        claims.AddRange(roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => new Claim(ClaimTypes.Role, r)));
        if (First(Request.Query["country"], Request.Headers["X-Country"]) is { } country)
        {
            // Becomes the context attribute "country" (Program.cs maps the claim), which FreeShipping's rule reads.
            claims.Add(new Claim(ClaimTypes.Country, country));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
