using System.Globalization;
using System.Text;
using FeatureFlags.Tables;
using FeatureFlags.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace FeatureFlags.Benchmarks.Setup;

/// <summary>
/// Scenario 9, memory: the managed heap that 10,000 loaded flags keep alive, beyond the configuration
/// itself (which an application holds either way). Measured as the difference of full-GC heap sizes.
/// </summary>
public static class MemoryHeld
{
    public static int Run(int flagCount, string? output)
    {
        var flags = BenchmarkFlags.Many(flagCount / 50);

        var ffConfiguration = new ConfigurationBuilder().AddInMemoryCollection(BenchmarkFlags.Settings(flags, featureManagement: false)).Build();
        var (ffBytes, _) = Held(() => new FlagTableProvider(ffConfiguration, new FeatureFlagsOptions(), [], loggerFactory: null));

        var msfmConfiguration = new ConfigurationBuilder().AddInMemoryCollection(BenchmarkFlags.Settings(flags, featureFlags: false)).Build();
        var (msfmBytes, _) = Held(() =>
        {
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(msfmConfiguration);
            services.AddFeatureManagement();
            var provider = services.BuildServiceProvider();
            var manager = provider.GetRequiredService<IFeatureManager>();

            // MSFM parses a definition at its first read and caches it: read every flag once.
            foreach (var flag in flags)
            {
                manager.IsEnabledAsync(flag.Name).GetAwaiter().GetResult();
            }

            return provider;
        });

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Memory held by {flagCount:N0} loaded flags")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{Environment.OSVersion}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; heap after a full GC, configuration excluded")
            .AppendLine()
            .AppendLine("| library | held | per flag |")
            .AppendLine("|---|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| FeatureFlags (flag table) | {ffBytes / 1024.0 / 1024.0:F2} MiB | {ffBytes / flagCount:N0} B |")
            .AppendLine(CultureInfo.InvariantCulture, $"| MSFM (definitions cached after one read each) | {msfmBytes / 1024.0 / 1024.0:F2} MiB | {msfmBytes / flagCount:N0} B |");
        Console.Write(text);
        if (output is not null)
        {
            File.WriteAllText(output, text.ToString());
        }

        return 0;
    }

    private static (long Bytes, object Kept) Held(Func<object> load)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = load();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return (after - before, kept);
    }
}
