namespace FeatureFlags.Targeting;

/// <summary>The default context provider: every scope is anonymous.</summary>
internal sealed class EmptyEvaluationContextProvider : IEvaluationContextProvider
{
    public EvaluationContext GetContext() => EvaluationContext.Empty;
}
