using System.Security.Claims;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FeatureFlags.AspNetCore.Context;

/// <summary>
/// The context of an HTTP request: the key from the first configured key claim of an authenticated
/// identity, the groups from its role claims, attributes from the mapped claims and the application's
/// per-request hook. Scopes without a request get <see cref="EvaluationContext.Empty"/>.
/// </summary>
/// <remarks>
/// Scoped, like the snapshot it feeds: the core creates one snapshot per scope, so a request is
/// evaluated for the user as authentication left it when the snapshot was first asked for.
/// </remarks>
internal sealed class HttpContextEvaluationContextProvider(IHttpContextAccessor accessor, IOptions<FeatureFlagsAspNetCoreOptions> options) : IEvaluationContextProvider
{
    public EvaluationContext GetContext()
    {
        var http = accessor.HttpContext;
        if (http is null)
        {
            return EvaluationContext.Empty;
        }

        var settings = options.Value;
        List<ContextAttribute>? added = null;
        if (settings.AddAttributes is { } addAttributes)
        {
            added = [];
            addAttributes(http, added);
        }

        return FromUser(http.User, settings, added);
    }

    internal static EvaluationContext FromUser(ClaimsPrincipal user, FeatureFlagsAspNetCoreOptions options, List<ContextAttribute>? added = null)
    {
        string? key = null;
        List<string>? groups = null;
        List<ContextAttribute>? attributes = null;
        foreach (var identity in user.Identities)
        {
            // An unauthenticated identity's claims are whatever the client sent; they must not target flags.
            if (!identity.IsAuthenticated)
            {
                continue;
            }

            key ??= FindKey(identity, options.KeyClaimTypes);
            foreach (var (claimType, attribute) in options.AttributeClaimTypes)
            {
                if (identity.FindFirst(claimType)?.Value is { Length: > 0 } value && !(attributes?.Exists(a => a.Name == attribute) ?? false))
                {
                    (attributes ??= []).Add(new ContextAttribute(attribute, value));
                }
            }

            foreach (var claim in identity.Claims)
            {
                if (IsGroupClaim(identity, claim, options.GroupClaimTypes) && !string.IsNullOrEmpty(claim.Value))
                {
                    groups ??= [];
                    if (!groups.Contains(claim.Value, StringComparer.Ordinal))
                    {
                        groups.Add(claim.Value);
                    }
                }
            }
        }

        if (added is { Count: > 0 })
        {
            (attributes ??= []).AddRange(added);
        }

        return key is null && groups is null && attributes is null
            ? EvaluationContext.Empty
            : new EvaluationContext(key, groups, attributes is null ? [] : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(attributes));
    }

    private static string? FindKey(ClaimsIdentity identity, IList<string> claimTypes)
    {
        foreach (var type in claimTypes)
        {
            var value = identity.FindFirst(type)?.Value;
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsGroupClaim(ClaimsIdentity identity, Claim claim, IList<string> claimTypes) =>
        string.Equals(claim.Type, identity.RoleClaimType, StringComparison.Ordinal)
        || claimTypes.Contains(claim.Type, StringComparer.Ordinal);
}
