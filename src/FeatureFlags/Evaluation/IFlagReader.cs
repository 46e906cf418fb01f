namespace FeatureFlags;

/// <summary>
/// Reads flags from the current configuration without a snapshot: the fastest way to ask one flag
/// outside a scope (a hot loop, a singleton, middleware). Registered as a singleton by
/// <c>AddFeatureFlags</c>; thread-safe; reads neither allocate nor wait for a reload in progress.
/// </summary>
/// <remarks>
/// Unlike an <see cref="IFlagSnapshot"/>, a reader is not fixed in time: every read sees the flags of the
/// latest configuration that was taken, so two reads in one unit of work may disagree across a reload.
/// Where that matters (a request, a job), take a snapshot instead. Without a context, reads evaluate for
/// the anonymous context (<see cref="EvaluationContext.Empty"/>). Unknown flags read as
/// <see langword="false"/> and are reported as on a snapshot.
/// </remarks>
public interface IFlagReader
{
    /// <summary>Gets whether a flag is on for the anonymous context.</summary>
    /// <param name="flag">The flag's name, ignoring case.</param>
    /// <returns>The flag's value; <see langword="false"/> for an unknown flag.</returns>
    bool IsEnabled([FlagName] string flag);

    /// <summary>Gets whether a flag is on for the anonymous context, without a string lookup.</summary>
    /// <param name="flag">The flag's key.</param>
    /// <returns>The flag's value; <see langword="false"/> for an unknown flag.</returns>
    bool IsEnabled(FlagKey flag);

    /// <summary>Gets whether a flag is on for a context.</summary>
    /// <param name="flag">The flag's name, ignoring case.</param>
    /// <param name="context">Who the flag is evaluated for.</param>
    /// <returns>The flag's value; <see langword="false"/> for an unknown flag.</returns>
    bool IsEnabled([FlagName] string flag, EvaluationContext context);

    /// <summary>Gets whether a flag is on for a context, without a string lookup.</summary>
    /// <param name="flag">The flag's key.</param>
    /// <param name="context">Who the flag is evaluated for.</param>
    /// <returns>The flag's value; <see langword="false"/> for an unknown flag.</returns>
    bool IsEnabled(FlagKey flag, EvaluationContext context);
}
