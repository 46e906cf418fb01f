using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tests.Configuration;

public sealed class ReloadTests : IDisposable
{
    private const int FlagChanged = 1001;
    private const int ReloadRejected = 1002;
    private const int FileLoadFailed = 1007;
    private static readonly TimeSpan FileWatchTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _directory = new();
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task Reload_JsonFileChangesOnDisk_NewSnapshotsSeeItOldOnesDoNot()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "NewCheckout": false } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: true).Build();
        var factory = Factory(configuration);
        var before = factory.CreateSnapshot();

        var changed = _logs.Next(FlagChanged);
        File.WriteAllText(path, """{ "FeatureFlags": { "NewCheckout": true } }""");
        await changed.WaitAsync(FileWatchTimeout);

        factory.CreateSnapshot().IsEnabled("NewCheckout").ShouldBeTrue();
        before.IsEnabled("NewCheckout").ShouldBeFalse();
    }

    [Fact]
    public async Task Reload_BadJsonValueOnDisk_RejectedWholeAndLastGoodFlagsStay()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "A": true, "B": false } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: true).Build();
        var factory = Factory(configuration);

        var rejected = _logs.Next(ReloadRejected);
        File.WriteAllText(path, """{ "FeatureFlags": { "A": false, "B": "ture" } }""");
        await rejected.WaitAsync(FileWatchTimeout);

        var snapshot = factory.CreateSnapshot();
        snapshot.IsEnabled("A").ShouldBeTrue();
        snapshot.IsEnabled("B").ShouldBeFalse();
        var error = _logs.WithEventId(ReloadRejected).First();
        error.Level.ShouldBe(LogLevel.Error);
        error.Message.ShouldContain("FeatureFlags:B: 'ture' is not a boolean");
        _logs.WithEventId(FlagChanged).ShouldBeEmpty();
    }

    [Fact]
    public void Reload_EnvironmentVariableChanges_TakenOnReload()
    {
        var prefix = $"FFTEST{Guid.NewGuid():N}_";
        try
        {
            Environment.SetEnvironmentVariable(prefix + "FeatureFlags__Recommendations", "true");
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var factory = Factory(configuration);

            Environment.SetEnvironmentVariable(prefix + "FeatureFlags__Recommendations", "false");
            configuration.Reload();

            var evaluation = factory.CreateSnapshot().Explain("Recommendations");
            evaluation.IsEnabled.ShouldBeFalse();
            evaluation.Sources.ShouldHaveSingleItem().Key.ShouldBe(prefix + "FeatureFlags__Recommendations");
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "FeatureFlags__Recommendations", null);
        }
    }

    [Fact]
    public void Reload_FlagsChange_EachChangeLoggedWithOldNewAndSource()
    {
        var configuration = FlagHarness.Configuration(new Settings
        {
            ["FeatureFlags:Same"] = "true",
            ["FeatureFlags:Flipped"] = "true",
            ["FeatureFlags:Removed"] = "true",
        });
        Factory(configuration);

        configuration["FeatureFlags:Flipped"] = "false";
        configuration["FeatureFlags:Removed"] = null;
        configuration["FeatureFlags:Added:Rollout"] = "10";
        configuration["FeatureFlags:Removed"] = "true"; // put back: unchanged flags log nothing
        configuration.Reload();

        var changes = _logs.WithEventId(FlagChanged).Select(e => (e.Level, e.Message)).ToList();
        changes.ShouldBe(
        [
            (LogLevel.Information, "Feature flag Added changed from (absent) to { Enabled: true, Rollout: 10% } (source: FeatureFlags:Added:Rollout in in-memory configuration)"),
            (LogLevel.Information, "Feature flag Flipped changed from true to false (source: FeatureFlags:Flipped in in-memory configuration)"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Reload_UserListChanges_LoggedWithoutNamingUsers()
    {
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags:Beta:Users:0"] = "alice@example.test" });
        Factory(configuration);

        configuration["FeatureFlags:Beta:Users:1"] = "bob@example.test";
        configuration.Reload();

        var change = _logs.WithEventId(FlagChanged).ShouldHaveSingleItem().Message;
        change.ShouldContain("Users: 1 (");
        change.ShouldContain("Users: 2 (");
        change.ShouldNotContain("alice");
        change.ShouldNotContain("bob");
    }

    [Fact]
    public async Task Reload_ManyReadersWhileReloadingRepeatedly_NoReaderSeesAHalfAppliedChange()
    {
        // A and B always change together; a reader that saw them differ would have seen half a reload.
        var configuration = FlagHarness.Configuration(new Settings { ["FeatureFlags:A"] = "false", ["FeatureFlags:B"] = "false" });
        var factory = Factory(configuration);
        var keyA = new FlagKey("A");
        const int Reloads = 1000;
        const int ReaderCount = 4;
        using var done = new CancellationTokenSource();
        using var started = new CountdownEvent(ReaderCount);
        var torn = 0;
        var reads = 0L;

        var readers = Enumerable.Range(0, ReaderCount).Select(_ => Task.Run(() =>
        {
            started.Signal();
            while (!done.IsCancellationRequested)
            {
                var snapshot = factory.CreateSnapshot(new EvaluationContext("reader"));
                var a = snapshot.IsEnabled(keyA);
                var b = snapshot.IsEnabled("B");
                if (a != b || snapshot.IsEnabled("A") != a)
                {
                    Interlocked.Increment(ref torn);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        await Task.Run(() =>
        {
            started.Wait();
            for (var i = 0; i < Reloads; i++)
            {
                var value = i % 2 == 0 ? "true" : "false";
                configuration["FeatureFlags:A"] = value;
                configuration["FeatureFlags:B"] = value;
                configuration.Reload();
            }
        });

        done.Cancel();
        await Task.WhenAll(readers);

        torn.ShouldBe(0);
        Interlocked.Read(ref reads).ShouldBeGreaterThan(0);
        _logs.WithEventId(FlagChanged).Count().ShouldBe(Reloads * 2);
        factory.CreateSnapshot().IsEnabled("A").ShouldBeFalse();
    }

    [Fact]
    public async Task Reload_BrokenJsonOnDisk_ReportedWithTheFileAndLastGoodFlagsKept()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "A": true } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: true).Build();
        var factory = Factory(configuration);

        var failed = _logs.Next(FileLoadFailed);
        File.WriteAllText(path, """{ "FeatureFlags": { "A": fals""");
        await failed.WaitAsync(FileWatchTimeout);

        var entry = _logs.WithEventId(FileLoadFailed).First();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Message.ShouldContain("flags.json");
        entry.Exception.ShouldNotBeNull();
        factory.CreateSnapshot().IsEnabled("A").ShouldBeTrue();

        var changed = _logs.Next(FlagChanged);
        File.WriteAllText(path, """{ "FeatureFlags": { "A": false } }""");
        await changed.WaitAsync(FileWatchTimeout);

        factory.CreateSnapshot().IsEnabled("A").ShouldBeFalse();
    }

    [Fact]
    public void Reload_WhileAFileIsBroken_OtherChangesWaitAndTheFilesFlagsStay()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "A": true } }""");
        var other = new ReplaceableSource(new Settings { ["FeatureFlags:B"] = "false" });
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(path, optional: false, reloadOnChange: false)
            .Add(other)
            .Build();
        var factory = Factory(configuration);

        File.WriteAllText(path, "{ broken");
        Should.Throw<InvalidDataException>(configuration.Reload);
        other.Built!.Replace(new Settings { ["FeatureFlags:B"] = "true" });

        var snapshot = factory.CreateSnapshot();
        snapshot.IsEnabled("A").ShouldBeTrue();
        snapshot.IsEnabled("B").ShouldBeFalse();
        _logs.WithEventId(FileLoadFailed).ShouldHaveSingleItem().Message.ShouldContain("flags.json");

        File.WriteAllText(path, """{ "FeatureFlags": { "A": false } }""");
        configuration.Reload();

        snapshot = factory.CreateSnapshot();
        snapshot.IsEnabled("A").ShouldBeFalse();
        snapshot.IsEnabled("B").ShouldBeTrue();
    }

    [Fact]
    public void Reload_ApplicationHandlerIgnoresTheFailure_StillReportedAndHandlerStillCalled()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "A": true } }""");
        var handled = 0;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(source =>
            {
                source.Path = Path.GetFileName(path);
                source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(_directory.Path);
                source.OnLoadException = context =>
                {
                    handled++;
                    context.Ignore = true;
                };
            })
            .Build();
        var factory = Factory(configuration);

        File.WriteAllText(path, "{ broken");
        configuration.Reload();

        handled.ShouldBe(1);
        factory.CreateSnapshot().IsEnabled("A").ShouldBeTrue();
        _logs.WithEventId(FileLoadFailed).ShouldHaveSingleItem();
    }

    [Fact]
    public void Dispose_ServicesDisposed_ApplicationHandlerPutBack()
    {
        var path = _directory.Write("flags.json", """{ "FeatureFlags": { "A": true } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        var source = (FileConfigurationSource)configuration.Providers.OfType<FileConfigurationProvider>().Single().Source;
        Action<FileLoadExceptionContext> mine = _ => { };
        source.OnLoadException = mine;
        var services = FlagHarness.Services(configuration, logs: _logs);
        services.GetRequiredService<IFlagSnapshotFactory>();
        source.OnLoadException.ShouldNotBe(mine);

        services.Dispose();

        source.OnLoadException.ShouldBe(mine);
    }

    public void Dispose() => _directory.Dispose();

    private IFlagSnapshotFactory Factory(IConfiguration configuration) =>
        FlagHarness.Services(configuration, logs: _logs).GetRequiredService<IFlagSnapshotFactory>();
}
