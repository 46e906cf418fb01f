using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeatureFlags.Tests.Evaluation;

public sealed class FlagSnapshotTests
{
    private static readonly Settings Targeted = new()
    {
        ["FeatureFlags:BetaReports:Enabled"] = "true",
        ["FeatureFlags:BetaReports:Users:0"] = "alice",
        ["FeatureFlags:BetaReports:Groups:0"] = "beta",
        ["FeatureFlags:Staff:Groups:0"] = "staff",
        ["FeatureFlags:Off:Enabled"] = "false",
        ["FeatureFlags:Off:Users:0"] = "alice",
        ["FeatureFlags:On"] = "true",
    };

    [Theory]
    [InlineData("alice", null, "BetaReports", true, EvaluationReason.TargetedUser)]
    [InlineData("ALICE", null, "BetaReports", true, EvaluationReason.TargetedUser)]
    [InlineData("bob", "beta", "BetaReports", true, EvaluationReason.TargetedGroup)]
    [InlineData("bob", "Staff", "Staff", true, EvaluationReason.TargetedGroup)]
    [InlineData("bob", "other", "Staff", false, EvaluationReason.NotTargeted)]
    [InlineData(null, null, "Staff", false, EvaluationReason.NotTargeted)]
    [InlineData("alice", null, "Off", false, EvaluationReason.Disabled)]
    [InlineData("bob", null, "On", true, EvaluationReason.Static)]
    public void Explain_Context_GivesValueAndReason(string? key, string? group, string flag, bool expected, EvaluationReason reason)
    {
        var context = new EvaluationContext(key, group is null ? null : [group]);

        var snapshot = FlagHarness.Snapshot(Targeted, context);

        snapshot.IsEnabled(flag).ShouldBe(expected);
        snapshot.IsEnabled(new FlagKey(flag)).ShouldBe(expected);
        var evaluation = snapshot.Explain(flag);
        (evaluation.IsEnabled, evaluation.Reason).ShouldBe((expected, reason));
    }

    [Fact]
    public void Explain_DeclaredButNotConfigured_UsesTheDeclaredDefault()
    {
        var snapshot = FlagHarness.Snapshot(FlagHarness.Configuration(), build: b => b.AddCatalog<TestCatalog>());

        var recommendations = snapshot.Explain(TestCatalog.Recommendations);
        recommendations.ShouldSatisfyAllConditions(
            e => e.IsEnabled.ShouldBeTrue(),
            e => e.Reason.ShouldBe(EvaluationReason.Default),
            e => e.Sources.ShouldBeEmpty(),
            e => e.Definition!.Kind.ShouldBe(FlagKind.Ops));
        snapshot.IsEnabled(TestCatalog.NewCheckout).ShouldBeFalse();
        snapshot.ExplainAll().Select(e => e.Flag).ShouldBe(["BetaReports", "CheckoutButton", "NewCheckout", "Recommendations"]);
    }

    [Fact]
    public void GetVariant_DisabledOrWithoutVariants_IsNull()
    {
        var snapshot = FlagHarness.Snapshot(new Settings
        {
            ["FeatureFlags:Off:Enabled"] = "false",
            ["FeatureFlags:Off:Variants:a"] = "1",
            ["FeatureFlags:Plain"] = "true",
            ["FeatureFlags:Single:Variants:only"] = "1",
        });

        snapshot.GetVariant("Off").ShouldBeNull();
        snapshot.GetVariant("Plain").ShouldBeNull();
        snapshot.GetVariant(new FlagKey("Single")).ShouldBe("only");
        snapshot.Explain("Single").Variant.ShouldBe("only");
    }

    [Fact]
    public void IsEnabled_UnknownFlag_FalseAndOneWarningPerName()
    {
        var logs = new LogCapture();
        var factory = FlagHarness.Services(FlagHarness.Configuration(new Settings { ["FeatureFlags:NewCheckout"] = "true" }), logs: logs)
            .GetRequiredService<IFlagSnapshotFactory>();

        factory.CreateSnapshot().IsEnabled("NewChekout").ShouldBeFalse();
        factory.CreateSnapshot().IsEnabled(new FlagKey("NewChekout")).ShouldBeFalse();
        factory.CreateSnapshot().GetVariant("Other").ShouldBeNull();
        factory.CreateSnapshot().Explain("NewChekout").Reason.ShouldBe(EvaluationReason.UnknownFlag);

        var warnings = logs.WithEventId(1003).ToList();
        warnings.Count.ShouldBe(2);
        warnings[0].Message.ShouldContain("NewChekout");
        warnings[0].Message.ShouldContain("did you mean 'NewCheckout'?");
    }

    [Fact]
    public void IsEnabled_UnknownFlagInStrictMode_ThrowsWithSuggestion()
    {
        var factory = FlagHarness.Services(
                FlagHarness.Configuration(new Settings { ["FeatureFlags:NewCheckout"] = "true" }),
                options: o => o.ThrowOnUnknownFlags = true)
            .GetRequiredService<IFlagSnapshotFactory>();

        Should.Throw<KeyNotFoundException>(() => factory.CreateSnapshot().IsEnabled("NewChekout"))
            .Message.ShouldContain("did you mean 'NewCheckout'?");
    }

    [Fact]
    public void IsEnabled_ScopedSnapshot_UsesTheReplacedContextProvider()
    {
        var services = new ServiceCollection();
        services.AddFeatureFlags(FlagHarness.Configuration(Targeted));
        services.Replace(ServiceDescriptor.Scoped<IEvaluationContextProvider>(_ => new FixedContext(new EvaluationContext("alice"))));
        using var provider = services.BuildServiceProvider(validateScopes: true);
        using var scope = provider.CreateScope();

        var snapshot = scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();

        snapshot.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<IFlagSnapshot>());
        snapshot.Context.Key.ShouldBe("alice");
        snapshot.IsEnabled("BetaReports").ShouldBeTrue();
    }

    [Fact]
    public void IsEnabled_DefaultScope_IsAnonymous()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Targeted));
        using var scope = provider.CreateScope();

        var snapshot = scope.ServiceProvider.GetRequiredService<IFlagSnapshot>();

        snapshot.Context.ShouldBeSameAs(EvaluationContext.Empty);
        snapshot.IsEnabled("BetaReports").ShouldBeFalse();
    }

    [Fact]
    public void IsEnabled_DefaultFlagKey_IsTheUnknownFlagAnswerAndWarnsOnce()
    {
        var logs = new LogCapture();
        var snapshot = FlagHarness.Services(FlagHarness.Configuration(Targeted), logs: logs).GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        snapshot.IsEnabled(default(FlagKey)).ShouldBeFalse();
        snapshot.GetVariant(default(FlagKey)).ShouldBeNull();
        snapshot.IsEnabled(default(FlagKey)).ShouldBeFalse();

        logs.WithEventId(1003).ShouldHaveSingleItem().Message.ShouldContain("new FlagKey(name)");
    }

    [Fact]
    public void IsEnabled_DefaultFlagKeyInStrictMode_ThrowsClearly()
    {
        var snapshot = FlagHarness.Services(FlagHarness.Configuration(Targeted), options: o => o.ThrowOnUnknownFlags = true)
            .GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        Should.Throw<KeyNotFoundException>(() => snapshot.IsEnabled(default(FlagKey))).Message.ShouldContain("new FlagKey(name)");
    }

    [Fact]
    public void FlagKeyName_DefaultKey_ThrowsClearly()
    {
        Should.Throw<InvalidOperationException>(() => default(FlagKey).Name).Message.ShouldContain("new FlagKey(name)");
    }

    [Fact]
    public void FlagKey_SameNameInAnyCase_IsEqual()
    {
        new FlagKey("NewCheckout").ShouldBe(new FlagKey("newcheckout"));
        (new FlagKey("A") != new FlagKey("B")).ShouldBeTrue();
    }

    private sealed class FixedContext(EvaluationContext context) : IEvaluationContextProvider
    {
        public EvaluationContext GetContext() => context;
    }
}
