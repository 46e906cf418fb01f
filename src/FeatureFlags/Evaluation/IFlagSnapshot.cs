namespace FeatureFlags;

/// <summary>
/// An immutable view of every flag's value for one scope (a request, a job, a test) and one
/// <see cref="EvaluationContext"/>. A configuration reload never changes a snapshot that exists, so one
/// scope sees one consistent set of flags. Thread-safe; reads do not allocate.
/// </summary>
/// <remarks>
/// Take the snapshot at the edge of the application (an endpoint, a page, a handler) and pass plain
/// <see cref="bool"/> values into domain code, which then needs no flag library to be tested.
/// Reading a flag never throws for a configured or declared flag. An unknown name reads as
/// <see langword="false"/> and is logged once per name, unless strict mode is on
/// (<see cref="FeatureFlagsOptions.ThrowOnUnknownFlags"/>).
/// </remarks>
public interface IFlagSnapshot
{
    /// <summary>Gets the context the snapshot evaluates for.</summary>
    EvaluationContext Context { get; }

    /// <summary>Gets whether a flag is on.</summary>
    /// <param name="flag">The flag's name, ignoring case.</param>
    /// <returns>The flag's value; <see langword="false"/> for an unknown flag.</returns>
    bool IsEnabled([FlagName] string flag);

    /// <summary>Gets whether a flag is on, without a string lookup.</summary>
    /// <param name="flag">The flag's key.</param>
    /// <returns>The flag's value; <see langword="false"/> for an unknown flag.</returns>
    bool IsEnabled(FlagKey flag);

    /// <summary>Gets the variant served to the context.</summary>
    /// <param name="flag">The flag's name, ignoring case.</param>
    /// <returns>The variant's name, or <see langword="null"/> when the flag is off, has no variants or is unknown.</returns>
    string? GetVariant([FlagName] string flag);

    /// <summary>Gets the variant served to the context, without a string lookup.</summary>
    /// <param name="flag">The flag's key.</param>
    /// <returns>The variant's name, or <see langword="null"/> when the flag is off, has no variants or is unknown.</returns>
    string? GetVariant(FlagKey flag);

    /// <summary>Gets the value of the variant served to the context, bound when the flags were loaded.</summary>
    /// <typeparam name="T">
    /// The flag's declared variant type (<see cref="FlagAttribute.VariantType"/>) or a type it converts to; for a flag that
    /// declares none, <see cref="Microsoft.Extensions.Configuration.IConfigurationSection"/>.
    /// </typeparam>
    /// <param name="flag">The flag's name, ignoring case.</param>
    /// <returns>
    /// The served variant's value: the same object on every read until the next reload. <see langword="default"/> when the
    /// flag is off, unknown, has no variants, or the served variant has no <c>Value</c>.
    /// </returns>
    /// <exception cref="InvalidOperationException">The served variant's value is of a type that is not a <typeparamref name="T"/>.</exception>
    T? GetVariantValue<T>([FlagName] string flag);

    /// <summary>Gets the value of the variant served to the context, without a string lookup.</summary>
    /// <typeparam name="T">The flag's declared variant type, or <see cref="Microsoft.Extensions.Configuration.IConfigurationSection"/> when it declares none.</typeparam>
    /// <param name="flag">The flag's key.</param>
    /// <returns>The served variant's value, bound once per reload; <see langword="default"/> when the flag is off, unknown, or serves no value.</returns>
    /// <exception cref="InvalidOperationException">The served variant's value is of a type that is not a <typeparamref name="T"/>.</exception>
    T? GetVariantValue<T>(FlagKey flag);

    /// <summary>Explains a flag's value: value, variant, reason and the configuration that supplied it.</summary>
    /// <param name="flag">The flag's name, ignoring case.</param>
    /// <returns>The explanation; for an unknown flag, its <see cref="FlagEvaluation.Reason"/> is <see cref="EvaluationReason.UnknownFlag"/>.</returns>
    FlagEvaluation Explain([FlagName] string flag);

    /// <summary>Explains every flag the snapshot knows, configured or declared, ordered by name.</summary>
    /// <returns>One explanation per flag.</returns>
    IReadOnlyList<FlagEvaluation> ExplainAll();
}
