namespace FeatureFlags.Etcd.Tests.Writing;

/// <summary>The writer never puts an invalid flag into the store, and never overwrites a change it has not seen.</summary>
public sealed class EtcdFlagWriterTests(EtcdServer server) : IClassFixture<EtcdServer>
{
    private readonly string _prefix = $"/featureflags/writer-{Guid.NewGuid():N}/";

    [Fact]
    public async Task SetAsync_NewFlag_WrittenAndReadBackWithItsRevision()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));

        var revision = await writer.SetAsync("NewCheckout", """{ "Enabled": true, "Rollout": 10 }""", 0);

        var read = await writer.GetAsync("NewCheckout");
        read.Json.ShouldBe("""{ "Enabled": true, "Rollout": 10 }""");
        read.ModRevision.ShouldBe(revision);
    }

    [Theory]
    [InlineData("NewCheckout", """{ "Enabled": true, "Rollout": 150 }""", "FeatureFlags:NewCheckout:Rollout: 150 is outside 0 to 100")]
    [InlineData("NewCheckout", "ture", "FeatureFlags:NewCheckout: is not JSON")]
    [InlineData("NewCheckout", """{ "Enabled": true, "Colour": "blue" }""", "FeatureFlags:NewCheckout:Colour: unknown property 'Colour'")]
    [InlineData("New Checkout", "true", "FeatureFlags:New Checkout")]
    public async Task SetAsync_InvalidFlag_ThrowsWithThePathAndWritesNothing(string flag, string json, string expected)
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));

        var error = await Should.ThrowAsync<FlagConfigurationException>(() => writer.SetAsync(flag, json, 0));

        error.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal));
        (await writer.GetAsync(flag)).Json.ShouldBeNull();
    }

    [Fact]
    public async Task SetAsync_ChangedSinceRead_ThrowsConflictAndKeepsTheOtherWrite()
    {
        using var alice = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        using var bob = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        await alice.SetAsync("Kill", "false", 0);
        var read = await bob.GetAsync("Kill");
        await alice.SetAsync("Kill", "true", read.ModRevision);

        var error = await Should.ThrowAsync<EtcdFlagConflictException>(() => bob.SetAsync("Kill", """{ "Enabled": false }""", read.ModRevision));

        error.Flags.ShouldBe(["Kill"]);
        error.Message.ShouldContain($"not {read.ModRevision}");
        (await bob.GetAsync("Kill")).Json.ShouldBe("true");
    }

    [Fact]
    public async Task SetAsync_CreateWhenItExists_ThrowsConflict()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        await writer.SetAsync("Kill", "false", 0);

        await Should.ThrowAsync<EtcdFlagConflictException>(() => writer.SetAsync("Kill", "true", 0));
    }

    [Fact]
    public async Task SetAllAsync_OneChangedSinceRead_WritesNone()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        var a = await writer.SetAsync("A", "false", 0);
        await writer.SetAsync("B", "false", 0);

        await Should.ThrowAsync<EtcdFlagConflictException>(() => writer.SetAllAsync([new("A", "true", a), new("B", "true", 1)]));

        (await writer.GetAsync("A")).Json.ShouldBe("false");
    }

    [Fact]
    public async Task DeleteAsync_CurrentRevision_RemovesTheKey()
    {
        using var writer = new EtcdFlagWriter(FlagHost.Options(server, _prefix));
        var revision = await writer.SetAsync("Old", "true", 0);

        await Should.ThrowAsync<EtcdFlagConflictException>(() => writer.DeleteAsync("Old", revision - 1));
        await writer.DeleteAsync("Old", revision);

        (await writer.GetAsync("Old")).ShouldBe(new EtcdFlagValue("Old", null, 0));
    }
}
