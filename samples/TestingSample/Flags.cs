using FeatureFlags;

namespace TestingSample;

/// <summary>The shop's flags: metadata here, values per environment in appsettings*.json.</summary>
[FlagCatalog]
public sealed partial class Flags
{
    /// <summary>The new checkout flow: a discount on larger carts.</summary>
    [Flag(FlagKind.Release, Expires = "2027-09-30", Owner = "team-checkout", Description = "New checkout flow",
          RemovalIssue = "https://example.test/shop/issues/41")]
    public const string NewCheckout = "NewCheckout";

    /// <summary>Free shipping on every order.</summary>
    [Flag(FlagKind.Release, Expires = "2027-10-31", Owner = "team-checkout", Description = "Free shipping")]
    public const string FreeShipping = "FreeShipping";

    /// <summary>Kill switch for recommendations; on unless configuration says otherwise.</summary>
    [Flag(FlagKind.Ops, Owner = "team-platform", Description = "Kill switch for recommendations", Default = true)]
    public const string Recommendations = "Recommendations";

    /// <summary>The colour of the checkout button.</summary>
    [Flag(FlagKind.Experiment, Expires = "2027-08-31", Owner = "team-growth", Description = "Checkout button colour")]
    public const string CheckoutButton = "CheckoutButton";
}
