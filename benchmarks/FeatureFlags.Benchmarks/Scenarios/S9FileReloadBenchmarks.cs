using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FeatureFlags.Benchmarks.Setup;
using FeatureFlags.Configuration;
using FeatureFlags.Tables;
using Microsoft.Extensions.Configuration;

namespace FeatureFlags.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9 from a JSON file: the same mix of flags as <see cref="S9ReloadBenchmarks"/>, in
/// <c>appsettings.json</c>. A file provider does not list its keys publicly, so the reload walks it through
/// <c>GetChildKeys</c>, and each call scans every key of the file: the cost grows with the number of flag objects
/// times the number of keys. The reload re-reads the providers' data; it does not re-parse the file.
/// </summary>
[MemoryDiagnoser]
public class S9FileReloadBenchmarks
{
    private FlagTableProvider _provider = null!;
    private string _directory = null!;

    [Params(500, 2_000, 10_000)]
    public int Flags { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("featureflags-bench-").FullName;
        var settings = BenchmarkFlags.Settings(BenchmarkFlags.Many(Flags / 50), featureManagement: false);
        File.WriteAllText(Path.Combine(_directory, "appsettings.json"), ToJson(settings).ToJsonString());
        var configuration = new ConfigurationBuilder().SetBasePath(_directory).AddJsonFile("appsettings.json").Build();
        _provider = new FlagTableProvider(configuration, new FeatureFlagsOptions(), [], loggerFactory: null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "FeatureFlags: reload from a JSON file")]
    public bool Reload() => _provider.Reload();

    /// <summary>Nests flat configuration keys into JSON; keys "0", "1", … become arrays.</summary>
    private static JsonObject ToJson(Dictionary<string, string?> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var segments = key.Split(':');
            var node = root;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                node = (JsonObject)(node[segments[i]] ??= new JsonObject());
            }

            node[segments[^1]] = value is "true" or "false" ? JsonValue.Create(value == "true") : JsonValue.Create(value);
        }

        return (JsonObject)Lists(root);
    }

    private static JsonNode Lists(JsonNode node)
    {
        if (node is not JsonObject obj)
        {
            return node.DeepClone();
        }

        var children = obj.ToList();
        if (children.Count > 0 && children.All(c => int.TryParse(c.Key, out _)))
        {
            return new JsonArray(children.OrderBy(c => int.Parse(c.Key)).Select(c => Lists(c.Value!)).ToArray());
        }

        var copy = new JsonObject();
        foreach (var (name, child) in children)
        {
            copy[name] = Lists(child!);
        }

        return copy;
    }
}
