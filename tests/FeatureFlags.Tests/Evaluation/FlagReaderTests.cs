using Microsoft.Extensions.DependencyInjection;

namespace FeatureFlags.Tests.Evaluation;

public sealed class FlagReaderTests
{
    private static readonly Settings Flags = new()
    {
        ["FeatureFlags:On"] = "true",
        ["FeatureFlags:Off"] = "false",
        ["FeatureFlags:Beta:Users:0"] = "alice",
        ["FeatureFlags:Beta:Groups:0"] = "staff",
    };

    [Fact]
    public void AddFeatureFlags_Reader_IsOneSingleton()
    {
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Flags));

        var reader = provider.GetRequiredService<IFlagReader>();

        reader.ShouldBeSameAs(provider.GetRequiredService<IFlagReader>());
    }

    [Theory]
    [InlineData("On", true)]
    [InlineData("on", true)]
    [InlineData("OFF", false)]
    [InlineData("Beta", false)]
    public void IsEnabled_WithoutContext_AnswersForTheAnonymousContextByNameAndKey(string flag, bool expected)
    {
        var reader = Reader(FlagHarness.Configuration(Flags));

        reader.IsEnabled(flag).ShouldBe(expected);
        reader.IsEnabled(new FlagKey(flag)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("alice", null, true)]
    [InlineData("bob", "staff", true)]
    [InlineData("bob", "other", false)]
    public void IsEnabled_WithContext_Targets(string key, string? group, bool expected)
    {
        var reader = Reader(FlagHarness.Configuration(Flags));
        var context = new EvaluationContext(key, group is null ? null : [group]);

        reader.IsEnabled("Beta", context).ShouldBe(expected);
        reader.IsEnabled(new FlagKey("Beta"), context).ShouldBe(expected);
    }

    [Fact]
    public void IsEnabled_AfterReload_SeesTheNewFlagsUnlikeAnOlderSnapshot()
    {
        var configuration = FlagHarness.Configuration(Flags);
        using var provider = FlagHarness.Services(configuration);
        var reader = provider.GetRequiredService<IFlagReader>();
        var snapshot = provider.GetRequiredService<IFlagSnapshotFactory>().CreateSnapshot();

        configuration["FeatureFlags:On"] = "false";
        configuration.Reload();

        reader.IsEnabled("On").ShouldBeFalse();
        reader.IsEnabled(new FlagKey("On")).ShouldBeFalse();
        snapshot.IsEnabled("On").ShouldBeTrue();
    }

    [Fact]
    public void IsEnabled_UnknownFlag_FalseAndWarnedOnce()
    {
        var logs = new LogCapture();
        using var provider = FlagHarness.Services(FlagHarness.Configuration(Flags), logs: logs);
        var reader = provider.GetRequiredService<IFlagReader>();

        reader.IsEnabled("Onn").ShouldBeFalse();
        reader.IsEnabled(new FlagKey("Onn")).ShouldBeFalse();

        logs.Entries.Count(e => e.Message.Contains("Onn", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void IsEnabled_NullArguments_Throw()
    {
        var reader = Reader(FlagHarness.Configuration(Flags));

        Should.Throw<ArgumentNullException>(() => reader.IsEnabled((string)null!));
        Should.Throw<ArgumentNullException>(() => reader.IsEnabled("On", null!));
        Should.Throw<ArgumentNullException>(() => reader.IsEnabled(new FlagKey("On"), null!));
    }

    private static IFlagReader Reader(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        FlagHarness.Services(configuration).GetRequiredService<IFlagReader>();
}
