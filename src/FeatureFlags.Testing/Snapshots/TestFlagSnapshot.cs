using FeatureFlags.Fixed;

using Microsoft.Extensions.Logging.Abstractions;

namespace FeatureFlags.Testing;

/// <summary>
/// A fixed <see cref="IFlagSnapshot"/> for tests, and its own immutable builder: every <c>With</c>
/// returns a new snapshot and leaves this one as it is. Create one with <see cref="TestFlags"/>.
/// Immutable and thread-safe: share one across tests and threads freely.
/// </summary>
/// <remarks>
/// <para>
/// The snapshot is compiled by the runtime itself, so it evaluates, targets and explains exactly as a
/// host's snapshot does. <see cref="Explain"/> names the source of a value set by a test as
/// <c>fixed by test</c> and, for a snapshot read from an environment, the appsettings file and key.
/// </para>
/// <para>
/// When the snapshot knows its catalog (<see cref="TestFlags.Defaults{TCatalog}"/>,
/// <see cref="TestFlags.AllOn{TCatalog}"/>, <see cref="TestFlags.FromEnvironment{TCatalog}(string)"/> …),
/// a name the catalog does not declare is a typo: <c>With</c> throws <see cref="ArgumentException"/> at
/// once and reading it throws <see cref="KeyNotFoundException"/>, both naming the nearest declared flags.
/// Without a catalog (<see cref="TestFlags.With(string, bool)"/>), a flag the test did not set reads as
/// <see langword="false"/>, as an unconfigured flag does in a host.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var flags = TestFlags.AllOff&lt;Flags&gt;()
///     .With(Flags.NewCheckout, true)
///     .With(Flags.CheckoutButton, "green");
/// var service = new CheckoutService(flags);
/// </code>
/// </example>
public sealed class TestFlagSnapshot : IFlagSnapshot
{
    /// <summary>The provider name that <see cref="Explain"/> shows for a value set by a test.</summary>
    internal const string FixedByTest = "fixed by test";

    private readonly FixedFlag[] _flags;
    private readonly FixedFlagTable _table;
    private readonly IFlagSnapshot _snapshot;
    private readonly TimeProvider _time;

    // Strict when the catalog is known: a test reading an undeclared name has a typo, not a flag.
    internal TestFlagSnapshot(FlagCatalog? catalog, FixedFlag[] flags, EvaluationContext context, TimeProvider? time = null)
        : this(catalog, flags, new FixedFlagTable(flags, strict: catalog is not null), context, time ?? TimeProvider.System)
    {
    }

    private TestFlagSnapshot(FlagCatalog? catalog, FixedFlag[] flags, FixedFlagTable table, EvaluationContext context, TimeProvider time)
    {
        Catalog = catalog;
        _flags = flags;
        _table = table;
        _time = time;
        _snapshot = table.Snapshot(context, time);
    }

    /// <summary>Gets the catalog that names are checked against, or <see langword="null"/> when none is known.</summary>
    public FlagCatalog? Catalog { get; }

    /// <inheritdoc />
    public EvaluationContext Context => _snapshot.Context;

    /// <summary>The flags in a stable order: declaration order, then flags added by tests or configuration.</summary>
    internal IReadOnlyList<FixedFlag> Flags => _flags;

    /// <summary>
    /// The behaviour of every flag in one string: two snapshots with equal signatures give every
    /// context the same values and variants.
    /// </summary>
    internal string Signature =>
        string.Join("; ", _flags.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Select(f => f.Name.ToUpperInvariant() + "=" + f.State));

    /// <summary>Returns a snapshot in which <paramref name="flag"/> is on or off for everybody.</summary>
    /// <param name="flag">The flag's name, such as <c>Flags.NewCheckout</c>.</param>
    /// <param name="enabled">The value every context reads. An experiment turned on keeps its configured variants.</param>
    /// <returns>A new snapshot; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">The snapshot's catalog does not declare the flag, or the name is not a valid flag name.</exception>
    /// <example>
    /// <code>
    /// var flags = TestFlags.Defaults&lt;Flags&gt;().With(Flags.NewCheckout, true).With(Flags.Recommendations, false);
    /// </code>
    /// </example>
    public TestFlagSnapshot With([FlagName] string flag, bool enabled) =>
        Replace(flag, existing => enabled ? existing.TurnedOn(FixedByTest) : existing.TurnedOff(FixedByTest));

    /// <summary>Returns a snapshot in which <paramref name="flag"/> is on for everybody and serves <paramref name="variant"/>.</summary>
    /// <param name="flag">The experiment's name, such as <c>Flags.CheckoutButton</c>.</param>
    /// <param name="variant">The variant every context is served.</param>
    /// <returns>A new snapshot; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">
    /// The catalog does not declare the flag, declares it as a kind other than <see cref="FlagKind.Experiment"/>
    /// (the same rule configuration is held to), or <paramref name="variant"/> is empty.
    /// </exception>
    /// <example>
    /// <code>
    /// var flags = TestFlags.With(Flags.CheckoutButton, "green");
    /// flags.GetVariant(Flags.CheckoutButton); // "green"
    /// </code>
    /// </example>
    public TestFlagSnapshot With([FlagName] string flag, string variant)
    {
        ArgumentException.ThrowIfNullOrEmpty(variant);
        return Replace(flag, existing =>
        {
            if (existing.Definition is { Kind: not FlagKind.Experiment } definition)
            {
                throw new ArgumentException(
                    $"'{definition.Name}' is declared as a {definition.Kind} flag; variants are for experiment flags.", nameof(flag));
            }

            return existing.Serving(variant, FixedByTest);
        });
    }

    /// <summary>
    /// Returns a snapshot in which <paramref name="flag"/> is on for everybody and serves <paramref name="variant"/> with
    /// <paramref name="value"/> as its value, which <see cref="GetVariantValue{T}(string)"/> then returns.
    /// </summary>
    /// <param name="flag">The experiment's name, such as <c>Flags.CheckoutButton</c>.</param>
    /// <param name="variant">The variant every context is served.</param>
    /// <param name="value">The variant's value, of the type the code reads it as (the flag's declared variant type).</param>
    /// <returns>A new snapshot; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">
    /// The catalog does not declare the flag, or declares it as another kind than experiment, <paramref name="variant"/> is
    /// empty, or <paramref name="value"/> is not of the flag's declared variant type.
    /// </exception>
    /// <example>
    /// <code>
    /// var flags = TestFlags.With(Flags.CheckoutButton, "green", new ButtonStyle { Color = "#2e7d32" });
    /// </code>
    /// </example>
    public TestFlagSnapshot With([FlagName] string flag, string variant, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(variant);
        return Replace(flag, existing =>
        {
            var definition = existing.Definition;
            if (definition is { Kind: not FlagKind.Experiment })
            {
                throw new ArgumentException($"'{definition.Name}' is declared as a {definition.Kind} flag; variants are for experiment flags.", nameof(flag));
            }

            if (definition?.VariantType is { } type && value is not null && !type.Type.IsInstanceOfType(value))
            {
                throw new ArgumentException($"'{definition.Name}' declares its variant values as {type.Type.Name}; {value.GetType().Name} is not one.", nameof(value));
            }

            return existing.Serving(variant, FixedByTest, value);
        });
    }

    /// <summary>
    /// Returns the same flags evaluated for another context, for code that reads
    /// <see cref="IFlagSnapshot.Context"/> or flags that target users, groups or a rollout.
    /// </summary>
    /// <param name="context">Who the flags are evaluated for.</param>
    /// <returns>A new snapshot sharing this one's compiled flags; creating it is cheap.</returns>
    /// <example>
    /// <code>
    /// var alice = TestFlags.FromEnvironment&lt;Flags&gt;("Production").WithContext(new EvaluationContext("alice"));
    /// </code>
    /// </example>
    public TestFlagSnapshot WithContext(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TestFlagSnapshot(Catalog, _flags, _table, context, _time);
    }

    /// <summary>
    /// Returns the same flags read at <paramref name="instant"/>: scheduled flags are on or off as a host's snapshot made at
    /// that instant has them. Without it, a snapshot reads the system clock once, when it is made.
    /// </summary>
    /// <param name="instant">The instant the snapshot is made at.</param>
    /// <returns>A new snapshot sharing this one's compiled flags; later <c>With</c> calls keep the instant.</returns>
    /// <example>
    /// <code>
    /// var blackFriday = TestFlags.FromEnvironment&lt;Flags&gt;("Production").At(DateTimeOffset.Parse("2026-11-27T10:00:00+01:00"));
    /// </code>
    /// </example>
    public TestFlagSnapshot At(DateTimeOffset instant) => At(new FixedTime(instant));

    /// <summary>
    /// Returns the same flags read at <paramref name="time"/>'s current instant, read once, now: a
    /// <c>FakeTimeProvider</c> advanced later makes a new snapshot with another <c>At</c>, as a new request would.
    /// </summary>
    /// <param name="time">The clock, such as a <c>FakeTimeProvider</c>.</param>
    /// <returns>A new snapshot sharing this one's compiled flags.</returns>
    public TestFlagSnapshot At(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new TestFlagSnapshot(Catalog, _flags, _table, Context, new FixedTime(time.GetUtcNow()));
    }

    /// <inheritdoc />
    public bool IsEnabled([FlagName] string flag) => _snapshot.IsEnabled(flag);

    /// <inheritdoc />
    public bool IsEnabled(FlagKey flag) => _snapshot.IsEnabled(flag);

    /// <inheritdoc />
    public string? GetVariant([FlagName] string flag) => _snapshot.GetVariant(flag);

    /// <inheritdoc />
    public string? GetVariant(FlagKey flag) => _snapshot.GetVariant(flag);

    /// <inheritdoc />
    public T? GetVariantValue<T>([FlagName] string flag) => _snapshot.GetVariantValue<T>(flag);

    /// <inheritdoc />
    public T? GetVariantValue<T>(FlagKey flag) => _snapshot.GetVariantValue<T>(flag);

    /// <inheritdoc />
    public FlagEvaluation Explain([FlagName] string flag) => _snapshot.Explain(flag);

    /// <inheritdoc />
    public IReadOnlyList<FlagEvaluation> ExplainAll() => _snapshot.ExplainAll();

    /// <summary>Lists every flag with its state, such as <c>NewCheckout=on, Recommendations=off</c>.</summary>
    /// <returns>The flags in declaration order.</returns>
    public override string ToString() =>
        _flags.Length == 0 ? "(no flags)" : string.Join(", ", _flags.Select(f => f.Name + "=" + f.State));

    /// <summary>Sets one flag, recording <paramref name="provider"/> as where its value came from.</summary>
    internal TestFlagSnapshot With(string flag, bool enabled, string provider) =>
        Replace(flag, existing => enabled ? existing.TurnedOn(provider) : existing.TurnedOff(provider));

    /// <summary>Sets every flag the snapshot knows, declared or configured.</summary>
    internal TestFlagSnapshot WithAll(bool enabled, string provider) =>
        new(Catalog, _flags.Select(f => enabled ? f.TurnedOn(provider) : f.TurnedOff(provider)).ToArray(), Context, _time);

    /// <summary>The declared name of <paramref name="flag"/>; throws with the nearest names when the catalog lacks it.</summary>
    internal string Resolve(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (Catalog is not null)
        {
            return Catalog.Find(flag)?.Name ?? throw UndeclaredFlag(Catalog, flag);
        }

        FixedFlagTable.ThrowIfInvalidName(flag, nameof(flag));

        return Array.Find(_flags, f => string.Equals(f.Name, flag, StringComparison.OrdinalIgnoreCase))?.Name ?? flag;
    }

    internal static ArgumentException UndeclaredFlag(FlagCatalog catalog, string flag)
    {
        var names = catalog.Flags.Select(f => f.Name).ToList();
        var hint = FixedFlagTable.Hint(flag, names);

        // With nothing close, the whole (usually short) list is the next best help.
        var detail = hint.Length > 0 || names.Count == 0 || names.Count > 20
            ? hint
            : " (it declares " + string.Join(", ", names) + ")";
        return new ArgumentException($"The catalog {catalog.Name} declares no flag '{flag}'{detail}.", nameof(flag));
    }

    private TestFlagSnapshot Replace(string flag, Func<FixedFlag, FixedFlag> change)
    {
        var name = Resolve(flag);
        var flags = _flags.ToList();
        var index = flags.FindIndex(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            flags[index] = change(flags[index]);
        }
        else
        {
            flags.Add(change(FixedFlag.Declared(name, Catalog?.Find(name))));
        }

        return new TestFlagSnapshot(Catalog, flags.ToArray(), Context, _time);
    }

    /// <summary>A clock stopped at one instant: a snapshot reads it once, and a copy made later must read the same.</summary>
    private sealed class FixedTime(DateTimeOffset instant) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => instant;
    }
}
