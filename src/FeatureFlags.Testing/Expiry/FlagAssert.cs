namespace FeatureFlags.Testing;

/// <summary>
/// Assertions about a catalog's declarations. They throw <see cref="ExpiredFlagsException"/>, which
/// every test framework reports as a failure, so they need no framework of their own. Thread-safe.
/// </summary>
/// <remarks>
/// The build already fails on expired flags (FF0001) in projects that use them; this assertion makes
/// the same check part of the test run, with an injectable clock, for pipelines that build once and
/// test later.
/// </remarks>
/// <example>
/// <code>
/// [Fact]
/// public void Flags_NoneExpired() =&gt; FlagAssert.NoneExpired&lt;Flags&gt;(TimeProvider.System);
/// </code>
/// </example>
public static class FlagAssert
{
    /// <summary>Fails when any flag of <typeparamref name="TCatalog"/> is past its expiry date today (UTC, system clock).</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <exception cref="ExpiredFlagsException">At least one flag has expired.</exception>
    public static void NoneExpired<TCatalog>()
        where TCatalog : class
        => NoneExpired(FlagCatalog.For<TCatalog>(), TimeProvider.System);

    /// <summary>Fails when any flag of <typeparamref name="TCatalog"/> is past its expiry date on the clock's UTC date.</summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <param name="timeProvider">The clock; a fake one in tests of the assertion itself.</param>
    /// <exception cref="ExpiredFlagsException">At least one flag has expired.</exception>
    /// <example>
    /// <code>
    /// FlagAssert.NoneExpired&lt;Flags&gt;(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));
    /// </code>
    /// </example>
    public static void NoneExpired<TCatalog>(TimeProvider timeProvider)
        where TCatalog : class
        => NoneExpired(FlagCatalog.For<TCatalog>(), timeProvider);

    /// <summary>
    /// Fails when any flag of <paramref name="catalog"/> is past its expiry date on the clock's UTC date.
    /// A flag expiring today has not expired yet: the build's FF0001 agrees.
    /// </summary>
    /// <param name="catalog">The catalog to check.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ExpiredFlagsException">At least one flag has expired; the message lists each with its owner and removal link.</exception>
    public static void NoneExpired(FlagCatalog catalog, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var expired = catalog.Flags.Where(f => f.IsExpiredOn(today)).ToList();
        if (expired.Count > 0)
        {
            throw new ExpiredFlagsException(catalog, today, expired.AsReadOnly());
        }
    }
}
