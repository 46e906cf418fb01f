namespace FeatureFlags.Testing;

/// <summary>
/// The test matrix for flagged code: what an environment runs today, each flag planned to be turned
/// on, the fallback if they are turned off again, and the two extremes. As a plain list for NUnit,
/// MSTest or any framework; xunit users have <c>[FlagMatrix]</c> (FeatureFlags.Testing.Xunit, FeatureFlags.Testing.XunitV3). Thread-safe.
/// </summary>
/// <remarks>
/// <para>For the environment <c>Production</c> and the planned flags <c>A</c> and <c>B</c> the cases are, in this order:</para>
/// <list type="number">
/// <item><description><c>Production</c>: the environment's appsettings files as they are.</description></item>
/// <item><description><c>Production + A on</c>, <c>Production + B on</c>: one planned flag on for everybody.</description></item>
/// <item><description><c>Production, planned off</c>: every planned flag off, the fallback.</description></item>
/// <item><description><c>All on</c>: every flag on (experiments keep their configured variants).</description></item>
/// <item><description><c>All off</c>: every flag off.</description></item>
/// </list>
/// <para>
/// A case that gives every flag the same value as an earlier case is left out (if production
/// already has <c>A</c> on, <c>Production + A on</c> is <c>Production</c>), so no test runs twice.
/// Names depend only on the arguments, so they are stable across runs and machines.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// // NUnit
/// private static IEnumerable&lt;FlagMatrixCase&gt; Cases() =&gt; FlagMatrix.For&lt;Flags&gt;("Production", Flags.NewCheckout);
///
/// [TestCaseSource(nameof(Cases))]
/// public void Checkout_Works(FlagMatrixCase flags) { /* … */ }
/// </code>
/// </example>
public static class FlagMatrix
{
    /// <summary>The matrix for a catalog, an environment whose appsettings files are in the test output, and the flags planned to turn on.</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="plannedFlags">The flags about to be turned on in that environment.</param>
    /// <returns>The cases, without duplicates, in the documented order.</returns>
    /// <exception cref="ArgumentException">The catalog does not declare a planned flag.</exception>
    /// <exception cref="FlagConfigurationException">The environment's flag configuration is invalid.</exception>
    /// <exception cref="FileNotFoundException">Neither appsettings file exists.</exception>
    public static IReadOnlyList<FlagMatrixCase> For<TCatalog>(string environmentName, [FlagName] params string[] plannedFlags)
        where TCatalog : class
        => For(FlagCatalog.For<TCatalog>(), environmentName, contentRoot: null, plannedFlags);

    /// <summary>The matrix for a catalog, an environment and the flags planned to turn on.</summary>
    /// <param name="catalog">The catalog that declares the flags.</param>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="contentRoot">The folder holding the appsettings files; <see cref="AppContext.BaseDirectory"/> when <see langword="null"/>.</param>
    /// <param name="plannedFlags">The flags about to be turned on in that environment.</param>
    /// <returns>The cases, without duplicates, in the documented order.</returns>
    /// <exception cref="ArgumentException">The catalog does not declare a planned flag.</exception>
    /// <exception cref="FlagConfigurationException">The environment's flag configuration is invalid.</exception>
    /// <exception cref="FileNotFoundException">Neither appsettings file exists.</exception>
    public static IReadOnlyList<FlagMatrixCase> For(FlagCatalog catalog, string environmentName, string? contentRoot, IEnumerable<string> plannedFlags)
        => For(catalog, environmentName, contentRoot, options: null, plannedFlags);

    /// <summary>
    /// The matrix for a catalog, an environment and the flags planned to turn on, reading the settings with the
    /// application's flag options (a section name other than <c>FeatureFlags</c>, undeclared flags as errors).
    /// </summary>
    /// <param name="catalog">The catalog that declares the flags.</param>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="contentRoot">The folder holding the appsettings files; <see cref="AppContext.BaseDirectory"/> when <see langword="null"/>.</param>
    /// <param name="options">The application's flag options; the defaults when <see langword="null"/>.</param>
    /// <param name="plannedFlags">The flags about to be turned on in that environment.</param>
    /// <returns>The cases, without duplicates, in the documented order.</returns>
    /// <exception cref="ArgumentException">The catalog does not declare a planned flag.</exception>
    /// <exception cref="FlagConfigurationException">The environment's flag configuration is invalid.</exception>
    /// <exception cref="FileNotFoundException">Neither appsettings file exists.</exception>
    /// <example>
    /// <code>
    /// FlagMatrix.For(FlagCatalog.For&lt;Flags&gt;(), "Production", contentRoot: null, new FeatureFlagsOptions { SectionName = "Toggles" }, [Flags.NewCheckout]);
    /// </code>
    /// </example>
    public static IReadOnlyList<FlagMatrixCase> For(FlagCatalog catalog, string environmentName, string? contentRoot, FeatureFlagsOptions? options, IEnumerable<string> plannedFlags)
        => Build(catalog, environmentName, contentRoot, options, at: null, plannedFlags);

    /// <summary>
    /// The matrix as it stands at <paramref name="at"/>: every case's snapshot is made at that instant, so scheduled flags
    /// are on or off as they will be then (a sale weekend, a launch date).
    /// </summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="at">The instant the cases are read at.</param>
    /// <param name="plannedFlags">The flags about to be turned on in that environment.</param>
    /// <returns>The cases, without duplicates, in the documented order; each name ends with the instant.</returns>
    /// <exception cref="ArgumentException">The catalog does not declare a planned flag.</exception>
    /// <exception cref="FlagConfigurationException">The environment's flag configuration is invalid.</exception>
    /// <exception cref="FileNotFoundException">Neither appsettings file exists.</exception>
    /// <example>
    /// <code>
    /// var cases = FlagMatrix.For&lt;Flags&gt;("Production", DateTimeOffset.Parse("2026-11-27T10:00:00+01:00"), Flags.NewCheckout);
    /// </code>
    /// </example>
    public static IReadOnlyList<FlagMatrixCase> For<TCatalog>(string environmentName, DateTimeOffset at, [FlagName] params string[] plannedFlags)
        where TCatalog : class
        => Build(FlagCatalog.For<TCatalog>(), environmentName, contentRoot: null, options: null, at, plannedFlags);

    /// <summary>The matrix for a catalog, an environment and the flags planned to turn on, as it stands at <paramref name="at"/>.</summary>
    /// <param name="catalog">The catalog that declares the flags.</param>
    /// <param name="environmentName">The environment, such as <c>Production</c>.</param>
    /// <param name="contentRoot">The folder holding the appsettings files; <see cref="AppContext.BaseDirectory"/> when <see langword="null"/>.</param>
    /// <param name="options">The application's flag options; the defaults when <see langword="null"/>.</param>
    /// <param name="at">The instant the cases are read at.</param>
    /// <param name="plannedFlags">The flags about to be turned on in that environment.</param>
    /// <returns>The cases, without duplicates, in the documented order; each name ends with the instant.</returns>
    /// <exception cref="ArgumentException">The catalog does not declare a planned flag.</exception>
    /// <exception cref="FlagConfigurationException">The environment's flag configuration is invalid.</exception>
    /// <exception cref="FileNotFoundException">Neither appsettings file exists.</exception>
    public static IReadOnlyList<FlagMatrixCase> For(FlagCatalog catalog, string environmentName, string? contentRoot, FeatureFlagsOptions? options, DateTimeOffset at, IEnumerable<string> plannedFlags)
        => Build(catalog, environmentName, contentRoot, options, at, plannedFlags);

    private static IReadOnlyList<FlagMatrixCase> Build(FlagCatalog catalog, string environmentName, string? contentRoot, FeatureFlagsOptions? options, DateTimeOffset? at, IEnumerable<string> plannedFlags)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(environmentName);
        ArgumentNullException.ThrowIfNull(plannedFlags);

        var environment = TestFlags.FromEnvironment(catalog, environmentName, contentRoot, options);
        if (at is { } instant)
        {
            environment = environment.At(instant);
        }

        var suffix = at is { } when ? " at " + when.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        var planned = plannedFlags.Select(environment.Resolve).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var candidates = new List<FlagMatrixCase> { new(environmentName + suffix, FlagMatrixCaseKind.Environment, null, environment) };
        foreach (var flag in planned)
        {
            var name = $"{environmentName} + {flag} on{suffix}";
            candidates.Add(new(name, FlagMatrixCaseKind.PlannedOn, flag, environment.With(flag, true, Provider(name))));
        }

        var fallback = $"{environmentName}, planned off{suffix}";
        candidates.Add(new(fallback, FlagMatrixCaseKind.PlannedOff, null, planned.Aggregate(environment, (s, f) => s.With(f, false, Provider(fallback)))));
        candidates.Add(new("All on" + suffix, FlagMatrixCaseKind.AllOn, null, environment.WithAll(true, Provider("All on" + suffix))));
        candidates.Add(new("All off" + suffix, FlagMatrixCaseKind.AllOff, null, environment.WithAll(false, Provider("All off" + suffix))));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return candidates.Where(c => seen.Add(c.Snapshot.Signature)).ToList().AsReadOnly();
    }

    private static string Provider(string caseName) => $"{TestFlagSnapshot.FixedByTest} (matrix case '{caseName}')";
}
