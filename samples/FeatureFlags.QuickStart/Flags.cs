using FeatureFlags;

namespace FeatureFlags.QuickStart;

/// <summary>The demo's flags: metadata here, values in appsettings*.json.</summary>
[FlagCatalog]
public sealed partial class Flags
{
    [Flag(FlagKind.Release, Expires = "2027-09-30", Owner = "team-checkout", Description = "New checkout flow")]
    public const string NewCheckout = "NewCheckout";

    [Flag(FlagKind.Ops, Owner = "team-platform", Description = "Kill switch for recommendations", Default = true)]
    public const string Recommendations = "Recommendations";

    [Flag(FlagKind.Permission, Owner = "team-reports", Description = "Beta reports for chosen users and groups")]
    public const string BetaReports = "BetaReports";

    [Flag(FlagKind.Experiment, Expires = "2027-09-30", Owner = "team-growth", Description = "Colour of the checkout button")]
    public const string CheckoutButton = "CheckoutButton";
}
