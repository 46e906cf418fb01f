using Microsoft.Extensions.Time.Testing;

namespace FeatureFlags.Testing.Tests.Scheduling;

/// <summary>Test snapshots and the matrix at a chosen instant; a test variant with its value.</summary>
public sealed class ScheduledFlagsTests
{
    private const string Sale = """
        {
          "FeatureFlags": {
            "NewCheckout": { "Schedule": { "From": "2026-11-27T00:00:00+01:00", "Until": "2026-11-30T00:00:00+01:00" } },
            "SearchV2": { "Requires": ["NewCheckout"] }
          }
        }
        """;

    [Theory]
    [InlineData("2026-11-26T23:59:59+01:00", false)]
    [InlineData("2026-11-27T00:00:00+01:00", true)]
    [InlineData("2026-11-30T00:00:00+01:00", false)]
    public void At_Instant_ScheduledFlagAsAHostWouldHaveIt(string instant, bool expected)
    {
        using var root = new TempDirectory().With("appsettings.json", Sale);
        var production = TestFlags.FromEnvironment<ShopFlags>("Production", root.Path);

        var snapshot = production.At(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        snapshot.IsEnabled(ShopFlags.NewCheckout).ShouldBe(expected);
        snapshot.IsEnabled(ShopFlags.SearchV2).ShouldBe(expected);
        snapshot.Explain(ShopFlags.NewCheckout).Reason.ShouldBe(expected ? EvaluationReason.Static : EvaluationReason.OutsideSchedule);
    }

    [Fact]
    public void At_FakeTimeProvider_ReadOnceAndKeptByWith()
    {
        using var root = new TempDirectory().With("appsettings.json", Sale);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var snapshot = TestFlags.FromEnvironment<ShopFlags>("Production", root.Path).At(time);
        time.Advance(TimeSpan.FromDays(7));
        var changed = snapshot.With(ShopFlags.Recommendations, false);

        snapshot.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        changed.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        snapshot.At(time).IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
    }

    [Fact]
    public void Matrix_At_CasesReadAtTheInstantAndNamedWithIt()
    {
        using var root = new TempDirectory().With("appsettings.json", Sale);
        var at = DateTimeOffset.Parse("2026-11-28T12:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture);

        var cases = FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, options: null, at, []);

        var production = cases.First(c => c.Kind == FlagMatrixCaseKind.Environment);
        production.Name.ShouldBe("Production at 2026-11-28T12:00:00+01:00");
        production.Snapshot.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        FlagMatrix.For(FlagCatalog.For<ShopFlags>(), "Production", root.Path, options: null, at.AddDays(3), [])
            .First(c => c.Kind == FlagMatrixCaseKind.Environment).Snapshot.IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
    }

    [Fact]
    public void With_VariantAndValue_ServesTheObject()
    {
        var style = new { Color = "#2e7d32" };

        var snapshot = TestFlags.AllOff<ShopFlags>().With(ShopFlags.CheckoutButton, "green", style);

        snapshot.GetVariant(ShopFlags.CheckoutButton).ShouldBe("green");
        snapshot.GetVariantValue<object>(ShopFlags.CheckoutButton).ShouldBeSameAs(style);
        snapshot.GetVariantValue<object>(new FlagKey(ShopFlags.CheckoutButton)).ShouldBeSameAs(style);
    }

    [Fact]
    public void With_ValueOnNonExperiment_Throws()
    {
        Should.Throw<ArgumentException>(() => TestFlags.AllOff<ShopFlags>().With(ShopFlags.NewCheckout, "green", "x"))
            .Message.ShouldStartWith("'NewCheckout' is declared as a Release flag; variants are for experiment flags.");
    }
}
