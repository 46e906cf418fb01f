namespace FeatureFlags.Testing.Tests;

/// <summary>The catalog the tests run against: one flag of each kind, and two planned release flags.</summary>
[FlagCatalog]
public sealed class ShopFlags
{
    [Flag(FlagKind.Release, Expires = "2099-03-31", Owner = "team-checkout", RemovalIssue = "https://example.test/issues/12")]
    public const string NewCheckout = "NewCheckout";

    [Flag(FlagKind.Release, Expires = "2099-05-31")]
    public const string SearchV2 = "SearchV2";

    [Flag(FlagKind.Ops, Default = true)]
    public const string Recommendations = "Recommendations";

    [Flag(FlagKind.Experiment, Expires = "2099-01-31", Owner = "team-growth")]
    public const string CheckoutButton = "CheckoutButton";

    [Flag(FlagKind.Permission)]
    public const string BetaReports = "BetaReports";
}
