namespace FeatureFlags.AspNetCore;

/// <summary>
/// Answers 404 (or <see cref="StatusCode"/>) for an MVC controller, an action or a Razor Page while
/// the flag is off for the request. Several attributes must all be open.
/// </summary>
/// <remarks>
/// Enforced by a filter that <c>AddAspNetCore()</c> adds to MVC and Razor Pages, before model binding.
/// For minimal APIs use the <c>RequireFlag</c> extension on the endpoint or its route group instead:
/// an attribute on a route handler delegate is not enforced.
/// </remarks>
/// <example>
/// <code>
/// [RequireFlag(Flags.NewCheckout)]
/// public sealed class CheckoutController : Controller { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireFlagAttribute : Attribute, IFlagGateMetadata
{
    /// <summary>Creates the gate.</summary>
    /// <param name="flag">The flag that must be on.</param>
    public RequireFlagAttribute([FlagName] string flag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flag);
        Flag = flag;
    }

    /// <inheritdoc />
    public string Flag { get; }

    /// <summary>Gets or sets the status code while the flag is off; 0 (the default) for <see cref="FeatureFlagsAspNetCoreOptions.GateClosedStatusCode"/>.</summary>
    public int StatusCode { get; set; }
}
