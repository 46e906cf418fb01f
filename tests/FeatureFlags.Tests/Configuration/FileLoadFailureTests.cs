using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeatureFlags.Tests.Configuration;

/// <summary>A settings file that fails to load on a reload is reported, and its flags are kept, not dropped.</summary>
public sealed class FileLoadFailureTests : IDisposable
{
    private const int FlagChanged = 1001;
    private const int FileLoadFailed = 1007;
    private static readonly TimeSpan FileWatchTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _directory = new();
    private readonly LogCapture _logs = new();

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
