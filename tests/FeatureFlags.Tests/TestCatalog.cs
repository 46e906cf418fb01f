namespace FeatureFlags.Tests;

[FlagCatalog]
public sealed class TestCatalog
{
    [Flag(FlagKind.Release, Expires = "2027-03-31", Owner = "team-checkout", Description = "New checkout flow", RemovalIssue = "https://example.test/issues/1")]
    public const string NewCheckout = "NewCheckout";

    [Flag(FlagKind.Ops, Description = "Kill switch", Default = true)]
    public const string Recommendations = "Recommendations";

    [Flag(FlagKind.Experiment, Expires = "2027-01-31")]
    public const string CheckoutButton = "CheckoutButton";

    public static class Reports
    {
        [Flag(FlagKind.Permission)]
        public const string BetaReports = "BetaReports";
    }
}
