namespace FeatureFlags.Testing.Tests.Snapshots;

public sealed class TestFlagsTests
{
    [Fact]
    public void With_OneFlag_OnlyThatFlagOn()
    {
        var flags = TestFlags.With(ShopFlags.NewCheckout, true);

        flags.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        flags.IsEnabled(ShopFlags.SearchV2).ShouldBeFalse();
        flags.IsEnabled(new FlagKey(ShopFlags.NewCheckout)).ShouldBeTrue();
        flags.Catalog.ShouldBeNull();
    }

    [Fact]
    public void With_Chained_ReturnsNewSnapshotAndLeavesEarlierOneUnchanged()
    {
        var first = TestFlags.With(ShopFlags.NewCheckout, true);
        var second = first.With(ShopFlags.SearchV2, true).With(ShopFlags.NewCheckout, false);

        first.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        first.IsEnabled(ShopFlags.SearchV2).ShouldBeFalse();
        second.IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
        second.IsEnabled(ShopFlags.SearchV2).ShouldBeTrue();
        second.ToString().ShouldBe("NewCheckout=off, SearchV2=on");
    }

    [Fact]
    public void With_NameInOtherCase_ReplacesTheSameFlag()
    {
        var flags = TestFlags.With("NewCheckout", true).With("newcheckout", false);

        flags.IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
        flags.ExplainAll().Count.ShouldBe(1);
    }

    [Fact]
    public void With_Variant_ServesItToEveryContext()
    {
        var flags = TestFlags.With(ShopFlags.CheckoutButton, "green");

        flags.IsEnabled(ShopFlags.CheckoutButton).ShouldBeTrue();
        flags.GetVariant(ShopFlags.CheckoutButton).ShouldBe("green");
        flags.WithContext(new EvaluationContext("bob")).GetVariant(new FlagKey(ShopFlags.CheckoutButton)).ShouldBe("green");
    }

    [Fact]
    public void With_InvalidName_Throws()
    {
        Should.Throw<ArgumentException>(() => TestFlags.With("New Checkout", true))
            .Message.ShouldContain("'New Checkout' is not a valid flag name");
    }

    [Fact]
    public void With_EmptyVariant_Throws()
    {
        Should.Throw<ArgumentException>(() => TestFlags.With(ShopFlags.CheckoutButton, string.Empty));
    }

    [Fact]
    public void Explain_FlagSetByTest_SaysFixedByTest()
    {
        var evaluation = TestFlags.With(ShopFlags.NewCheckout, true).Explain(ShopFlags.NewCheckout);

        evaluation.IsEnabled.ShouldBeTrue();
        evaluation.Reason.ShouldBe(EvaluationReason.Static);
        evaluation.Sources.Single().Provider.ShouldBe("fixed by test");
        evaluation.ToString().ShouldBe("NewCheckout: on (Static; NewCheckout in fixed by test)");
    }

    [Fact]
    public void IsEnabled_FlagNotSetWithoutCatalog_ReadsFalse()
    {
        TestFlags.With(ShopFlags.NewCheckout, true).IsEnabled("Anything").ShouldBeFalse();
    }

    [Fact]
    public void Defaults_Catalog_GivesDeclaredDefaults()
    {
        var flags = TestFlags.Defaults<ShopFlags>();

        flags.IsEnabled(ShopFlags.Recommendations).ShouldBeTrue();
        flags.IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
        flags.Explain(ShopFlags.Recommendations).Reason.ShouldBe(EvaluationReason.Default);
        flags.ExplainAll().Count.ShouldBe(5);
        flags.Catalog.ShouldBe(FlagCatalog.For<ShopFlags>());
    }

    [Fact]
    public void AllOn_Catalog_EveryDeclaredFlagOn()
    {
        var flags = TestFlags.AllOn<ShopFlags>();

        flags.ExplainAll().ShouldAllBe(e => e.IsEnabled && e.Reason == EvaluationReason.Static);
        flags.ExplainAll().Select(e => e.Flag).ShouldBe(
            [ShopFlags.BetaReports, ShopFlags.CheckoutButton, ShopFlags.NewCheckout, ShopFlags.Recommendations, ShopFlags.SearchV2]);
        flags.GetVariant(ShopFlags.CheckoutButton).ShouldBeNull();
    }

    [Fact]
    public void AllOff_Catalog_EveryFlagOffIncludingDefaultOn()
    {
        var flags = TestFlags.AllOff<ShopFlags>();

        flags.ExplainAll().ShouldAllBe(e => !e.IsEnabled);
        flags.IsEnabled(ShopFlags.Recommendations).ShouldBeFalse();
    }

    [Fact]
    public void AllOff_WithOneFlagOn_OnlyThatFlagOn()
    {
        var flags = TestFlags.AllOff<ShopFlags>().With(ShopFlags.NewCheckout, true).With(ShopFlags.CheckoutButton, "blue");

        flags.ExplainAll().Where(e => e.IsEnabled).Select(e => e.Flag).ShouldBe([ShopFlags.CheckoutButton, ShopFlags.NewCheckout]);
        flags.GetVariant(ShopFlags.CheckoutButton).ShouldBe("blue");
    }

    [Fact]
    public void With_TypoOnCatalogSnapshot_ThrowsNamingTheNearestFlag()
    {
        var error = Should.Throw<ArgumentException>(() => TestFlags.AllOn<ShopFlags>().With("NewChekout", false));

        error.Message.ShouldStartWith("The catalog FeatureFlags.Testing.Tests.ShopFlags declares no flag 'NewChekout' (did you mean 'NewCheckout'?)");
        error.ParamName.ShouldBe("flag");
    }

    [Fact]
    public void With_NothingCloseOnCatalogSnapshot_ListsTheDeclaredFlags()
    {
        Should.Throw<ArgumentException>(() => TestFlags.Defaults<ShopFlags>().With("Zebra", true))
            .Message.ShouldContain("(it declares NewCheckout, SearchV2, Recommendations, CheckoutButton, BetaReports)");
    }

    [Fact]
    public void IsEnabled_TypoOnCatalogSnapshot_ThrowsNamingTheNearestFlag()
    {
        Should.Throw<KeyNotFoundException>(() => TestFlags.Defaults<ShopFlags>().IsEnabled("SearchV3"))
            .Message.ShouldContain("did you mean 'SearchV2'");
    }

    [Fact]
    public void With_VariantOnReleaseFlag_ThrowsLikeConfigurationWould()
    {
        Should.Throw<ArgumentException>(() => TestFlags.Defaults<ShopFlags>().With(ShopFlags.NewCheckout, "green"))
            .Message.ShouldContain("'NewCheckout' is declared as a Release flag; variants are for experiment flags");
    }

    [Fact]
    public void With_NameInOtherCaseOnCatalogSnapshot_UsesDeclaredName()
    {
        var flags = TestFlags.Defaults<ShopFlags>().With("newcheckout", true);

        flags.Explain(ShopFlags.NewCheckout).Flag.ShouldBe(ShopFlags.NewCheckout);
        flags.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
    }

    [Fact]
    public void WithContext_SameFlags_ReportsTheNewContext()
    {
        var alice = new EvaluationContext("alice", ["beta"]);
        var flags = TestFlags.With(ShopFlags.NewCheckout, true);

        var forAlice = flags.WithContext(alice);

        forAlice.Context.ShouldBeSameAs(alice);
        forAlice.IsEnabled(ShopFlags.NewCheckout).ShouldBeTrue();
        flags.Context.ShouldBeSameAs(EvaluationContext.Empty);
    }

    [Fact]
    public void With_ManyThreadsFromOneBase_EachGetsItsOwnFlagsAndBaseIsUnchanged()
    {
        var baseline = TestFlags.AllOff<ShopFlags>();
        var results = new TestFlagSnapshot[64];

        Parallel.For(0, results.Length, i => results[i] = baseline.With(ShopFlags.NewCheckout, i % 2 == 0));

        for (var i = 0; i < results.Length; i++)
        {
            results[i].IsEnabled(ShopFlags.NewCheckout).ShouldBe(i % 2 == 0);
        }

        baseline.IsEnabled(ShopFlags.NewCheckout).ShouldBeFalse();
    }

    [Fact]
    public void TestFlagSnapshot_InAConstructor_IsAnIFlagSnapshot()
    {
        var service = new GreetingService(TestFlags.With(ShopFlags.NewCheckout, true));

        service.Greet().ShouldBe("new");
    }

    private sealed class GreetingService(IFlagSnapshot flags)
    {
        public string Greet() => flags.IsEnabled(ShopFlags.NewCheckout) ? "new" : "old";
    }
}
