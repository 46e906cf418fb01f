namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// The typed keys the source generator emits as <c>Flags.Keys.X</c>: static readonly <see cref="FlagKey"/>
/// fields, resolved once. Declared by hand here so that the benchmarks do not depend on the generator.
/// </summary>
public static class Keys
{
    public static readonly FlagKey Plain07 = new(BenchmarkFlags.Plain);
    public static readonly FlagKey Rollout = new(BenchmarkFlags.Rollout);
    public static readonly FlagKey Targeted = new(BenchmarkFlags.Targeted);
    public static readonly FlagKey Experiment = new(BenchmarkFlags.Experiment);

    /// <summary>Keys of <see cref="BenchmarkFlags.RequestFlags"/>, in order.</summary>
    public static readonly FlagKey Plain00 = new("Plain00");
    public static readonly FlagKey Plain01 = new("Plain01");
    public static readonly FlagKey Plain02 = new("Plain02");
    public static readonly FlagKey Plain03 = new("Plain03");
    public static readonly FlagKey Plain04 = new("Plain04");
    public static readonly FlagKey Plain05 = new("Plain05");
    public static readonly FlagKey Plain06 = new("Plain06");
}
