using Microsoft.FeatureManagement.FeatureFilters;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// The user every targeted scenario evaluates for, in both libraries' terms: not in any allow-list, so
/// targeting walks users, then groups, then the rollout (the longest path).
/// </summary>
public sealed class BenchmarkUser : IEvaluationContextProvider, ITargetingContextAccessor
{
    public const string Key = "user-48213";

    public static readonly string[] Groups = ["customers"];

    public static readonly EvaluationContext Context = new(Key, Groups);

    public static readonly TargetingContext TargetingContext = new() { UserId = Key, Groups = Groups };

    public EvaluationContext GetContext() => Context;

    public ValueTask<TargetingContext> GetContextAsync() => ValueTask.FromResult(TargetingContext);
}
