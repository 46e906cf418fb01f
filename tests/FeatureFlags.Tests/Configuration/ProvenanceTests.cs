using System.Collections;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Tests.Configuration;

/// <summary>
/// Every source is named through public API: the providers' own types and properties, the environment, and
/// <see cref="IConfigurationProvenance"/> for sources that describe themselves.
/// </summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void Explain_DescribedProvider_SourceAndKeyAsItWritesThem()
    {
        var provider = new DescribedProvider(new Settings { ["FeatureFlags:NewCheckout:Enabled"] = "false" });
        var configuration = new ConfigurationBuilder().Add(new ProviderSource(provider)).Build();

        var evaluation = FlagHarness.Snapshot(configuration).Explain("NewCheckout");

        evaluation.IsEnabled.ShouldBeFalse();
        evaluation.DecidingSource.ShouldNotBeNull().ToString().ShouldBe("/flags/NewCheckout/Enabled (revision 7) in test store");
    }

    [Fact]
    public void Read_DescribedProviderListingItsKeys_ReadInOnePass()
    {
        var settings = new Settings();
        for (var i = 0; i < 50; i++)
        {
            settings[$"FeatureFlags:Flag{i}:Users:0"] = "alice";
            settings[$"FeatureFlags:Flag{i}:Variants:a"] = "1";
        }

        var provider = new DescribedProvider(settings);
        var configuration = new ConfigurationBuilder().Add(new ProviderSource(provider)).Build();

        var snapshot = FlagHarness.Snapshot(configuration, new EvaluationContext("alice"));

        snapshot.IsEnabled("Flag49").ShouldBeTrue();
        provider.ChildKeyCalls.ShouldBe(0);
    }

    [Fact]
    public void Read_WalkedProvider_AsksForChildKeysOnlyBelowObjects()
    {
        var settings = new Settings();
        for (var i = 0; i < 100; i++)
        {
            settings[$"FeatureFlags:Plain{i}"] = "true";
        }

        // One object with a list of two users: the section, the flag and its Users list hold keys below them; the
        // segments section is asked once more, and has none.
        settings["FeatureFlags:Beta:Enabled"] = "true";
        settings["FeatureFlags:Beta:Users:0"] = "alice";
        settings["FeatureFlags:Beta:Users:1"] = "bob";
        var provider = new CountingProvider(settings);
        var configuration = new ConfigurationBuilder().Add(new ProviderSource(provider)).Build();
        provider.ChildKeyCalls = 0;

        var snapshot = FlagHarness.Snapshot(configuration, new EvaluationContext("bob"));

        snapshot.IsEnabled("Beta").ShouldBeTrue();
        snapshot.IsEnabled("Plain99").ShouldBeTrue();
        provider.ChildKeyCalls.ShouldBe(4);
    }

    [Fact]
    public void Explain_CommandLine_KeyAsTyped()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--FeatureFlags:NewCheckout=false"]).Build();

        var source = FlagHarness.Snapshot(configuration).Explain("NewCheckout").Sources.ShouldHaveSingleItem();

        source.ToString().ShouldBe("--FeatureFlags:NewCheckout in command line");
    }

    [Fact]
    public void Explain_FileProvider_NamedByItsFileName()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(Path.Combine(directory.Path, "flags.Staging.json"), """{ "FeatureFlags": { "NewCheckout": true } }""");
        var configuration = new ConfigurationBuilder().SetBasePath(directory.Path).AddJsonFile("flags.Staging.json").Build();

        var source = FlagHarness.Snapshot(configuration).Explain("NewCheckout").Sources.ShouldHaveSingleItem();

        source.Provider.ShouldBe("flags.Staging.json");
        source.Key.ShouldBe("FeatureFlags:NewCheckout");
    }

    [Fact]
    public void Explain_PrefixedAndUnprefixedVariablesBothSet_NamesTheOneThePrefixedProviderRead()
    {
        var prefix = $"FFTEST{Guid.NewGuid():N}_";
        var name = $"FeatureFlags__Prov{Guid.NewGuid():N}";
        try
        {
            Environment.SetEnvironmentVariable(name, "false");
            Environment.SetEnvironmentVariable(prefix + name, "false");
            var flag = name["FeatureFlags__".Length..];

            var prefixed = FlagHarness.Snapshot(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build()).Explain(flag);
            var unprefixed = FlagHarness.Snapshot(new ConfigurationBuilder().AddEnvironmentVariables().Build()).Explain(flag);

            prefixed.Sources.ShouldHaveSingleItem().Key.ShouldBe(prefix + name);
            unprefixed.Sources.ShouldHaveSingleItem().Key.ShouldBe(name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
            Environment.SetEnvironmentVariable(prefix + name, null);
        }
    }

    private sealed class ProviderSource(IConfigurationProvider provider) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
    }

    /// <summary>A provider that lists no keys publicly and counts how often it is asked for child keys.</summary>
    private sealed class CountingProvider : ConfigurationProvider
    {
        public CountingProvider(Settings settings)
        {
            foreach (var (key, value) in settings)
            {
                Data[key] = value;
            }
        }

        public int ChildKeyCalls { get; set; }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            ChildKeyCalls++;
            return base.GetChildKeys(earlierKeys, parentPath);
        }
    }

    /// <summary>A store that names its keys its own way, as the etcd source does, and lists them for one-pass reads.</summary>
    private sealed class DescribedProvider : ConfigurationProvider, IConfigurationProvenance, IEnumerable<KeyValuePair<string, string?>>
    {
        public DescribedProvider(Settings settings)
        {
            foreach (var (key, value) in settings)
            {
                Data[key] = value;
            }
        }

        public int ChildKeyCalls { get; private set; }

        public string SourceName => "test store";

        public string KeyOf(string path) => "/flags/" + path["FeatureFlags:".Length..].Replace(':', '/') + " (revision 7)";

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            ChildKeyCalls++;
            return base.GetChildKeys(earlierKeys, parentPath);
        }

        public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Data.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
