namespace FeatureFlags;

/// <summary>
/// Supplies the <see cref="EvaluationContext"/> of the current scope. Registered as scoped; the default
/// returns <see cref="EvaluationContext.Empty"/>. Applications replace it (the ASP.NET Core package fills
/// it from the signed-in user).
/// </summary>
public interface IEvaluationContextProvider
{
    /// <summary>Gets the context that the scope's <see cref="IFlagSnapshot"/> evaluates for.</summary>
    /// <returns>The context of the current scope.</returns>
    EvaluationContext GetContext();
}
