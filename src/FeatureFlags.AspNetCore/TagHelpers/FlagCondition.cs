namespace FeatureFlags.AspNetCore.TagHelpers;

/// <summary>The show-or-hide rule both tag helpers share.</summary>
internal static class FlagCondition
{
    /// <summary>
    /// Whether content shows: the flag is on (and serves <paramref name="variant"/>, when one is asked
    /// for), inverted by <paramref name="negate"/>. Variant names compare ignoring case, like flag names.
    /// </summary>
    public static bool Shows(IFlagSnapshot snapshot, string flag, string? variant, bool negate)
    {
        var match = snapshot.IsEnabled(flag)
            && (string.IsNullOrEmpty(variant) || string.Equals(snapshot.GetVariant(flag), variant, StringComparison.OrdinalIgnoreCase));
        return match != negate;
    }
}
