using FeatureFlags;

namespace WebShop;

/// <summary>The shop's flags: metadata here, values in appsettings*.json per environment.</summary>
[FlagCatalog]
public sealed partial class Flags
{
    [Flag(FlagKind.Release, Expires = "2027-09-30", Owner = "team-checkout", Description = "New checkout API (v2)",
          RemovalIssue = "https://example.com/webshop/issues/12")]
    public const string NewCheckout = "NewCheckout";

    [Flag(FlagKind.Release, Expires = "2027-08-31", Owner = "team-checkout", Description = "Free shipping on orders from 50.00")]
    public const string FreeShipping = "FreeShipping";

    [Flag(FlagKind.Ops, Owner = "team-discovery", Description = "Kill switch for recommendations", Default = true)]
    public const string Recommendations = "Recommendations";

    [Flag(FlagKind.Permission, Owner = "team-reports", Description = "Sales reports for the beta group")]
    public const string BetaReports = "BetaReports";

    [Flag(FlagKind.Experiment, Expires = "2027-10-31", Owner = "team-growth", Description = "Colour and label of the buy button: blue or green, sticky per user",
          VariantType = typeof(Domain.BuyButtonStyle))]
    public const string BuyButton = "BuyButton";

    [Flag(FlagKind.Release, Expires = "2027-01-31", Owner = "team-marketing", Description = "Holiday banner: on only inside its scheduled window")]
    public const string HolidayBanner = "HolidayBanner";
}
