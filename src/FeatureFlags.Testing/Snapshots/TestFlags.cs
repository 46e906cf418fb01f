using FeatureFlags.Fixed;

namespace FeatureFlags.Testing;

/// <summary>
/// Builds fixed <see cref="IFlagSnapshot"/>s for tests: no DI container, no mocks and, for the common
/// case, no configuration files. Every snapshot is an immutable <see cref="TestFlagSnapshot"/> whose
/// <c>With</c> methods return changed copies. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// // One flag, no catalog needed:
/// var service = new CheckoutService(TestFlags.With(Flags.NewCheckout, true));
///
/// // Typo-checked against the catalog, every other flag off:
/// var flags = TestFlags.AllOff&lt;Flags&gt;().With(Flags.NewCheckout, true);
///
/// // What production runs today:
/// var production = TestFlags.FromEnvironment&lt;Flags&gt;("Production");
/// </code>
/// </example>
public static class TestFlags
{
    private static readonly TestFlagSnapshot Empty = new(null, [], EvaluationContext.Empty);

    /// <summary>Gets a snapshot of no flags: every flag reads as <see langword="false"/> and serves no variant.</summary>
    /// <example>
    /// <code>
    /// var service = new CheckoutService(TestFlags.None);
    /// </code>
    /// </example>
    public static TestFlagSnapshot None => Empty;

    /// <summary>A snapshot with one flag on or off; every other flag reads as <see langword="false"/>.</summary>
    /// <param name="flag">The flag's name, such as <c>Flags.NewCheckout</c>.</param>
    /// <param name="enabled">The flag's value.</param>
    /// <returns>The snapshot; add flags with <see cref="TestFlagSnapshot.With(string, bool)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="flag"/> is not a valid flag name.</exception>
    /// <example>
    /// <code>
    /// var flags = TestFlags.With(Flags.NewCheckout, true).With(Flags.Recommendations, false);
    /// </code>
    /// </example>
    public static TestFlagSnapshot With([FlagName] string flag, bool enabled) => Empty.With(flag, enabled);

    /// <summary>A snapshot with one experiment on, serving one variant to everybody.</summary>
    /// <param name="flag">The experiment's name, such as <c>Flags.CheckoutButton</c>.</param>
    /// <param name="variant">The variant served.</param>
    /// <returns>The snapshot; add flags with <see cref="TestFlagSnapshot.With(string, string)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="flag"/> is not a valid flag name or <paramref name="variant"/> is empty.</exception>
    /// <example>
    /// <code>
    /// var flags = TestFlags.With(Flags.CheckoutButton, "green");
    /// </code>
    /// </example>
    public static TestFlagSnapshot With([FlagName] string flag, string variant) => Empty.With(flag, variant);

    /// <summary>A snapshot with one experiment on, serving one variant and its value to everybody.</summary>
    /// <param name="flag">The experiment's name, such as <c>Flags.CheckoutButton</c>.</param>
    /// <param name="variant">The variant served.</param>
    /// <param name="value">The variant's value, which <see cref="IFlagSnapshot.GetVariantValue{T}(string)"/> returns.</param>
    /// <returns>The snapshot; add flags with <see cref="TestFlagSnapshot.With(string, bool)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="flag"/> is not a valid flag name or <paramref name="variant"/> is empty.</exception>
    /// <example>
    /// <code>
    /// var flags = TestFlags.With(Flags.CheckoutButton, "green", new ButtonStyle { Color = "#2e7d32" });
    /// </code>
    /// </example>
    public static TestFlagSnapshot With([FlagName] string flag, string variant, object? value) => Empty.With(flag, variant, value);

    /// <summary>A snapshot of a catalog's flags at their declared defaults, as a host with no flag configuration has.</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <returns>The snapshot; names the catalog does not declare throw.</returns>
    /// <example>
    /// <code>
    /// var flags = TestFlags.Defaults&lt;Flags&gt;().With(Flags.NewCheckout, true);
    /// </code>
    /// </example>
    public static TestFlagSnapshot Defaults<TCatalog>()
        where TCatalog : class
        => Defaults(FlagCatalog.For<TCatalog>());

    /// <summary>A snapshot of a catalog's flags at their declared defaults.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The snapshot; names the catalog does not declare throw.</returns>
    public static TestFlagSnapshot Defaults(FlagCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new TestFlagSnapshot(catalog, catalog.Flags.Select(d => FixedFlag.Declared(d.Name, d)).ToArray(), EvaluationContext.Empty);
    }

    /// <summary>A snapshot with every flag of a catalog on. Experiments serve no variant (the control path).</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <returns>The snapshot; names the catalog does not declare throw.</returns>
    /// <example>
    /// <code>
    /// var everything = TestFlags.AllOn&lt;Flags&gt;().With(Flags.Recommendations, false);
    /// </code>
    /// </example>
    public static TestFlagSnapshot AllOn<TCatalog>()
        where TCatalog : class
        => AllOn(FlagCatalog.For<TCatalog>());

    /// <summary>A snapshot with every flag of a catalog on.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The snapshot; names the catalog does not declare throw.</returns>
    public static TestFlagSnapshot AllOn(FlagCatalog catalog) => Defaults(catalog).WithAll(true, TestFlagSnapshot.FixedByTest);

    /// <summary>A snapshot with every flag of a catalog off, declared defaults included.</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <returns>The snapshot; names the catalog does not declare throw.</returns>
    /// <example>
    /// <code>
    /// var nothing = TestFlags.AllOff&lt;Flags&gt;();
    /// </code>
    /// </example>
    public static TestFlagSnapshot AllOff<TCatalog>()
        where TCatalog : class
        => AllOff(FlagCatalog.For<TCatalog>());

    /// <summary>A snapshot with every flag of a catalog off.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The snapshot; names the catalog does not declare throw.</returns>
    public static TestFlagSnapshot AllOff(FlagCatalog catalog) => Defaults(catalog).WithAll(false, TestFlagSnapshot.FixedByTest);

    /// <summary>
    /// A snapshot of an environment's flags, read from <c>appsettings.json</c> and
    /// <c>appsettings.{environmentName}.json</c> in the test's output directory.
    /// </summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <returns>The snapshot, for the anonymous context.</returns>
    /// <exception cref="FlagConfigurationException">The files hold invalid flag configuration: the same error a host stops with.</exception>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    /// <example>
    /// <code>
    /// var production = TestFlags.FromEnvironment&lt;Flags&gt;("Production");
    /// production.Explain(Flags.NewCheckout); // NewCheckout: on (Static; FeatureFlags:NewCheckout in appsettings.Production.json)
    /// </code>
    /// </example>
    public static TestFlagSnapshot FromEnvironment<TCatalog>(string environmentName)
        where TCatalog : class
        => FromEnvironment(FlagCatalog.For<TCatalog>(), environmentName, contentRoot: null, options: null);

    /// <summary>A snapshot of an environment's flags, read from the appsettings files in <paramref name="contentRoot"/>.</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="contentRoot">The folder holding the appsettings files.</param>
    /// <returns>The snapshot, for the anonymous context.</returns>
    /// <exception cref="FlagConfigurationException">The files hold invalid flag configuration.</exception>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    public static TestFlagSnapshot FromEnvironment<TCatalog>(string environmentName, string contentRoot)
        where TCatalog : class
    {
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);
        return FromEnvironment(FlagCatalog.For<TCatalog>(), environmentName, contentRoot, options: null);
    }

    /// <summary>
    /// A snapshot of an environment's flags: <c>appsettings.json</c>, then
    /// <c>appsettings.{environmentName}.json</c>, merged, validated and compiled by the same code a host
    /// runs. Environment variables and the command line are left out on purpose: they belong to the
    /// machine running the tests, not to the environment under test.
    /// </summary>
    /// <param name="catalog">The catalog that declares the flags.</param>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="contentRoot">The folder holding the appsettings files; <see cref="AppContext.BaseDirectory"/> when <see langword="null"/>.</param>
    /// <param name="options">The application's flag options (section name, undeclared flags as errors); the defaults when <see langword="null"/>.</param>
    /// <returns>The snapshot, for the anonymous context.</returns>
    /// <exception cref="FlagConfigurationException">The files hold invalid flag configuration.</exception>
    /// <exception cref="FileNotFoundException">Neither file exists.</exception>
    public static TestFlagSnapshot FromEnvironment(FlagCatalog catalog, string environmentName, string? contentRoot, FeatureFlagsOptions? options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(environmentName);
        return new TestFlagSnapshot(catalog, EnvironmentSettings.Read(catalog, environmentName, contentRoot, options), EvaluationContext.Empty);
    }
}
