namespace FeatureFlags.AspNetCore;

/// <summary>
/// Endpoint metadata: the endpoint answers only while the flag is on. Put there by
/// <see cref="RequireFlagAttribute"/> and by the <c>RequireFlag</c> endpoint conventions; every gate
/// of an endpoint must be open.
/// </summary>
public interface IFlagGateMetadata
{
    /// <summary>Gets the name of the flag that opens the gate.</summary>
    string Flag { get; }

    /// <summary>Gets the status code of a closed gate, or 0 for <see cref="FeatureFlagsAspNetCoreOptions.GateClosedStatusCode"/>.</summary>
    int StatusCode { get; }
}
