using System.Globalization;

namespace FeatureFlags.Tests.Targeting;

/// <summary>Statistical and structural properties of sticky bucketing, through the public API.</summary>
public sealed class BucketingTests
{
    private const int KeyCount = 100_000;

    [Fact]
    public void IsEnabled_GoldenRolloutAssignments_AreStable()
    {
        var flags = Factory(new Settings { ["FeatureFlags:NewCheckout:Rollout"] = "30" });

        Enabled(flags, "NewCheckout", "alice").ShouldBeTrue();
        Enabled(flags, "NewCheckout", "carol").ShouldBeTrue();
        Enabled(flags, "NewCheckout", "bob").ShouldBeFalse();
        Enabled(flags, "NewCheckout", "dave").ShouldBeFalse();
    }

    [Fact]
    public void GetVariant_GoldenVariantAssignments_AreStable()
    {
        var flags = Factory(new Settings { ["FeatureFlags:CheckoutButton:Variants:blue"] = "50", ["FeatureFlags:CheckoutButton:Variants:green"] = "50" });

        flags.CreateSnapshot(new EvaluationContext("alice")).GetVariant("CheckoutButton").ShouldBe("green");
        flags.CreateSnapshot(new EvaluationContext("bob")).GetVariant("CheckoutButton").ShouldBe("blue");
        flags.CreateSnapshot(new EvaluationContext("carol")).GetVariant("CheckoutButton").ShouldBe("blue");
        flags.CreateSnapshot(EvaluationContext.Empty).GetVariant("CheckoutButton").ShouldBe("green");
    }

    [Fact]
    public void IsEnabled_ThirtyPercentOf100000Keys_LandsWithinOnePercent()
    {
        var flags = Factory(new Settings { ["FeatureFlags:X:Rollout"] = "30" });

        var share = Keys().Count(key => Enabled(flags, "X", key)) / (double)KeyCount;

        share.ShouldBeInRange(0.29, 0.31);
    }

    [Fact]
    public void IsEnabled_RaisingTheRollout_OnlyAddsKeys()
    {
        var at10 = Factory(new Settings { ["FeatureFlags:X:Rollout"] = "10" });
        var at25 = Factory(new Settings { ["FeatureFlags:X:Rollout"] = "25.5" });

        var lost = Keys().Where(key => Enabled(at10, "X", key) && !Enabled(at25, "X", key)).ToList();
        var gained = Keys().Count(key => !Enabled(at10, "X", key) && Enabled(at25, "X", key));

        lost.ShouldBeEmpty();
        gained.ShouldBeGreaterThan(KeyCount / 10);
    }

    [Fact]
    public void IsEnabled_TwoFlagsAtFiftyPercent_SplitKeysIndependently()
    {
        var flags = Factory(new Settings { ["FeatureFlags:A:Rollout"] = "50", ["FeatureFlags:B:Rollout"] = "50" });

        var both = Keys().Count(key => Enabled(flags, "A", key) && Enabled(flags, "B", key)) / (double)KeyCount;

        both.ShouldBeInRange(0.24, 0.26);
    }

    [Fact]
    public void GetVariant_WeightsOneToThree_ServeInProportion()
    {
        var flags = Factory(new Settings { ["FeatureFlags:X:Variants:a"] = "1", ["FeatureFlags:X:Variants:b"] = "3" });

        var shareOfA = Keys().Count(key => flags.CreateSnapshot(new EvaluationContext(key)).GetVariant("X") == "a") / (double)KeyCount;

        shareOfA.ShouldBeInRange(0.24, 0.26);
    }

    [Fact]
    public void GetVariant_RolloutAndVariantsOnOneFlag_AreIndependent()
    {
        var flags = Factory(new Settings
        {
            ["FeatureFlags:X:Rollout"] = "50",
            ["FeatureFlags:X:Variants:a"] = "50",
            ["FeatureFlags:X:Variants:b"] = "50",
        });

        var enabledKeys = Keys().Where(key => Enabled(flags, "X", key)).ToList();
        var shareOfA = enabledKeys.Count(key => flags.CreateSnapshot(new EvaluationContext(key)).GetVariant("X") == "a") / (double)enabledKeys.Count;

        shareOfA.ShouldBeInRange(0.48, 0.52);
    }

    private static IEnumerable<string> Keys() => Enumerable.Range(0, KeyCount).Select(i => "user-" + i.ToString(CultureInfo.InvariantCulture));

    private static bool Enabled(IFlagSnapshotFactory flags, string flag, string key) =>
        flags.CreateSnapshot(new EvaluationContext(key)).IsEnabled(flag);

    private static IFlagSnapshotFactory Factory(Settings settings) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IFlagSnapshotFactory>(
            FlagHarness.Services(FlagHarness.Configuration(settings)));
}
