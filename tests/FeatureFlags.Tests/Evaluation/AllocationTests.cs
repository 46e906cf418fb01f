using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Evaluation;

/// <summary>
/// The read path's promise, "reads do not allocate", checked on this thread's allocation counter.
/// Each read runs once first, so that a first-call cost (a log line, tiering) is not counted.
/// </summary>
public sealed class AllocationTests
{
    private static readonly Settings Flags = new()
    {
        ["FeatureFlags:Plain"] = "true",
        ["FeatureFlags:Rollout:Rollout"] = "25",
        ["FeatureFlags:Targeted:Users:0"] = "alice",
        ["FeatureFlags:Targeted:Groups:0"] = "beta",
        ["FeatureFlags:Targeted:Rollout"] = "10",
        ["FeatureFlags:Experiment:Variants:blue"] = "50",
        ["FeatureFlags:Experiment:Variants:green"] = "50",
    };

    private static readonly EvaluationContext User = new("user-48213", ["customers"]);

    [Theory]
    [InlineData("Plain")]
    [InlineData("Rollout")]
    [InlineData("Targeted")]
    [InlineData("Experiment")]
    public void SnapshotReads_AnyFlagShape_AllocateNothing(string flag)
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Flags));
        var snapshot = provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(User);
        var key = new FlagKey(flag);

        var allocated = Allocated(() =>
        {
            snapshot.IsEnabled(key);
            snapshot.IsEnabled(flag);
            snapshot.GetVariant(key);
            snapshot.GetVariant(flag);
        });

        allocated.ShouldBe(0);
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("Targeted")]
    [InlineData("plain")]
    public void ReaderReads_WithAndWithoutContext_AllocateNothing(string flag)
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Flags));
        var reader = provider.GetRequiredService<IFlagReader>();
        var key = new FlagKey(flag);

        var allocated = Allocated(() =>
        {
            reader.IsEnabled(key);
            reader.IsEnabled(flag);
            reader.IsEnabled(key, User);
            reader.IsEnabled(flag, User);
        });

        allocated.ShouldBe(0);
    }

    [Fact]
    public void SnapshotReads_UnknownFlagAlreadyReported_AllocateNothing()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Flags));
        var snapshot = provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot(User);
        var key = new FlagKey("Missing");

        // The first read logs the warning (with its "did you mean" hint); later reads must cost nothing.
        var allocated = Allocated(() =>
        {
            snapshot.IsEnabled(key);
            snapshot.IsEnabled("Missing");
            snapshot.GetVariant(key);
            snapshot.GetVariant("Missing");
        });

        allocated.ShouldBe(0);
    }

    [Fact]
    public void CreateSnapshot_ExistingContext_AllocatesOneSmallObject()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Flags));
        var factory = provider.GetRequiredService<IFlagSnapshotFactory>();

        var allocated = Allocated(() => factory.CreateSnapshot(User));

        // One object: a 16-byte header and five 8-byte fields (table, states, instant, telemetry, context) on 64-bit;
        // two objects would not fit.
        allocated.ShouldBeInRange(1, 56);
    }

    private static long Allocated(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
