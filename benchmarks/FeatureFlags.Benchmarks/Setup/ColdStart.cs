using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// Scenario 8, cold start: from a new process to the first answer. Each run is a fresh process of this
/// executable (<c>--cold-start-child</c>) that builds configuration, registers one library, resolves it
/// and reads one flag; the parent (<c>--cold-start</c>) runs every library in turn and reports medians.
/// </summary>
public static class ColdStart
{
    public static readonly string[] Libraries = ["featureflags", "msfm", "configuration"];

    /// <summary>The child: prints milliseconds since process start and since <c>Main</c>, at the first answer.</summary>
    public static int RunChild(string library, long mainStarted)
    {
        var answer = library switch
        {
            "featureflags" => FeatureFlagsFirstAnswer(),
            "msfm" => FeatureManagementFirstAnswer(),
            "configuration" => ConfigurationFirstAnswer(),
            _ => throw new ArgumentException($"Unknown library '{library}'.", nameof(library)),
        };
        var sinceMain = Stopwatch.GetElapsedTime(mainStarted).TotalMilliseconds;
        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sinceStart:F3} {sinceMain:F3} {answer}"));
        return 0;
    }

    /// <summary>The parent: runs each library <paramref name="runs"/> times, interleaved, and writes a markdown table.</summary>
    public static int Run(int runs, string? output)
    {
        var results = Libraries.ToDictionary(l => l, _ => (Total: new List<double>(), Library: new List<double>(), Wall: new List<double>()));
        for (var run = 0; run < runs; run++)
        {
            foreach (var library in Libraries)
            {
                var info = ChildStartInfo(library);
                var wall = Stopwatch.StartNew();
                using var process = Process.Start(info)!;
                var line = process.StandardOutput.ReadToEnd().Trim().Split(' ');
                process.WaitForExit();
                wall.Stop();
                results[library].Total.Add(double.Parse(line[0], CultureInfo.InvariantCulture));
                results[library].Library.Add(double.Parse(line[1], CultureInfo.InvariantCulture));
                results[library].Wall.Add(wall.Elapsed.TotalMilliseconds);
            }
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Cold start ({runs} fresh processes per library, medians)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Environment.OSVersion}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine("| library | process start → first answer | Main → first answer | whole process (wall) |")
            .AppendLine("|---|---:|---:|---:|");
        foreach (var (library, r) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {library} | {Median(r.Total):F1} ms | {Median(r.Library):F1} ms | {Median(r.Wall):F1} ms |");
        }

        Console.Write(text);
        if (output is not null)
        {
            File.WriteAllText(output, text.ToString());
        }

        return 0;
    }

    // Started the way this process was: through its app host, or through `dotnet benchmarks.dll`.
    private static ProcessStartInfo ChildStartInfo(string library)
    {
        var host = Environment.ProcessPath!;
        string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [typeof(ColdStart).Assembly.Location, "--cold-start-child", library]
            : ["--cold-start-child", library];
        return new ProcessStartInfo(host, arguments) { RedirectStandardOutput = true };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static IConfigurationRoot Configuration(bool featureFlags, bool featureManagement) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(BenchmarkFlags.Settings(BenchmarkFlags.Fifty, featureFlags, featureManagement))
            .Build();

    private static bool FeatureFlagsFirstAnswer()
    {
        var configuration = Configuration(featureFlags: true, featureManagement: false);
        var services = new ServiceCollection();
        services.AddFeatureFlags(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IFlagReader>().IsEnabled(BenchmarkFlags.Plain);
    }

    private static bool FeatureManagementFirstAnswer()
    {
        var configuration = Configuration(featureFlags: false, featureManagement: true);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFeatureManagement();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IFeatureManager>().IsEnabledAsync(BenchmarkFlags.Plain).GetAwaiter().GetResult();
    }

    private static bool ConfigurationFirstAnswer() =>
        Configuration(featureFlags: true, featureManagement: false).GetValue<bool>("FeatureFlags:" + BenchmarkFlags.Plain);
}
