namespace FeatureFlags.Tests.Declarations;

public sealed class FlagCatalogTests
{
    [Fact]
    public void For_CatalogClass_ReadsEveryFlagWithMetadataIncludingNestedClasses()
    {
        var catalog = FlagCatalog.For<TestCatalog>();

        catalog.Name.ShouldBe(typeof(TestCatalog).FullName);
        catalog.Flags.Select(f => f.Name).ShouldBe(["NewCheckout", "Recommendations", "CheckoutButton", "BetaReports"]);
        var newCheckout = catalog.Find("newcheckout")!;
        newCheckout.ShouldSatisfyAllConditions(
            f => f.Kind.ShouldBe(FlagKind.Release),
            f => f.Expires.ShouldBe(new DateOnly(2027, 3, 31)),
            f => f.Owner.ShouldBe("team-checkout"),
            f => f.Description.ShouldBe("New checkout flow"),
            f => f.RemovalIssue.ShouldBe("https://example.test/issues/1"),
            f => f.DefaultValue.ShouldBeFalse(),
            f => f.IsTemporary.ShouldBeTrue());
        catalog.Find(TestCatalog.Recommendations)!.DefaultValue.ShouldBeTrue();
        catalog.Find("Missing").ShouldBeNull();
    }

    [Fact]
    public void For_SameType_IsCached()
    {
        FlagCatalog.For<TestCatalog>().ShouldBeSameAs(FlagCatalog.FromType(typeof(TestCatalog)));
    }

    [Fact]
    public void FromType_ClassWithGeneratedCatalogProperty_ReturnsThatCatalogWithoutReflection()
    {
        // The field below has no [Flag]: reflection would find nothing, so a flag proves the property was used.
        var catalog = FlagCatalog.FromType(typeof(GeneratedShapeCatalog));

        catalog.ShouldBeSameAs(GeneratedShapeCatalog.Catalog);
        catalog.Flags.Select(f => f.Name).ShouldBe(["FromProperty"]);
    }

    [Fact]
    public void FromType_NotMarkedAsCatalog_ThrowsNamingTheType()
    {
        Should.Throw<ArgumentException>(() => FlagCatalog.FromType(typeof(string)))
            .Message.ShouldContain("'System.String' is not a flag catalog");
    }

    [Fact]
    public void FromType_MalformedExpires_ThrowsNamingTheField()
    {
        Should.Throw<ArgumentException>(() => FlagCatalog.FromType(typeof(BadExpiryCatalog)))
            .Message.ShouldContain("BadExpiryCatalog.Broken: Expires '31/03/2027' is not a yyyy-MM-dd date");
    }

    [Fact]
    public void Constructor_DuplicateNamesIgnoringCase_Throws()
    {
        Should.Throw<ArgumentException>(() => new FlagCatalog("Dup", [new FlagDefinition("A", FlagKind.Ops), new FlagDefinition("a", FlagKind.Ops)]))
            .Message.ShouldContain("declares the flag 'a' twice");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("colon:inside")]
    public void FlagDefinition_InvalidName_Throws(string name)
    {
        Should.Throw<ArgumentException>(() => new FlagDefinition(name, FlagKind.Ops));
    }

    [Theory]
    [InlineData("2027-03-30", false)]
    [InlineData("2027-03-31", false)]
    [InlineData("2027-04-01", true)]
    public void IsExpiredOn_Today_ExpiredOnlyAfterTheExpiryDay(string today, bool expired)
    {
        FlagCatalog.For<TestCatalog>().Find(TestCatalog.NewCheckout)!.IsExpiredOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expired);
    }

    [FlagCatalog]
    private sealed class BadExpiryCatalog
    {
        [Flag(FlagKind.Release, Expires = "31/03/2027")]
        public const string Broken = "Broken";
    }

    /// <summary>Has the shape the source generator gives a catalog: a static <c>Catalog</c> property.</summary>
    [FlagCatalog]
    private sealed class GeneratedShapeCatalog
    {
        public const string NotAFlag = "NotAFlag";

        public static FlagCatalog Catalog { get; } = new("GeneratedShape", [new FlagDefinition("FromProperty", FlagKind.Ops)]);
    }
}
