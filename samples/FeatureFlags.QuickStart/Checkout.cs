namespace FeatureFlags.QuickStart;

/// <summary>
/// Domain logic takes plain booleans, never the flag library: it is tested with true and false, and the
/// decision of which flags apply stays at the edge of the application.
/// </summary>
public static class Checkout
{
    public static string Describe(bool useNewCheckout, string? buttonColour) =>
        useNewCheckout
            ? $"one-page checkout with a {buttonColour ?? "grey"} button"
            : "classic three-step checkout";
}
