using System.Diagnostics;
using System.Globalization;
using FeatureFlags.Analyzers.Json;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>Times the shared pieces alone on an already bound compilation: <c>dotnet run -c Release -- probe</c>.</summary>
internal static class Probe
{
    public static void Run()
    {
        var bench = new AnalyzerOverheadBenchmarks();
        bench.Setup();
        for (var round = 0; round < 5; round++)
        {
            var compilation = bench.NewCompilationForProbe();
            var bind = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            bind.Stop();
            var model = Stopwatch.StartNew();
            var flags = CompilationFlags.For(compilation);
            model.Stop();
            var json = Stopwatch.StartNew();
            var problems = AppSettingsChecker.Check(GeneratedProject.AppSettings(), flags, [FeatureFlags.Validation.FlagRules.DefaultSectionName]);
            json.Stop();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"bind {bind.Elapsed.TotalMilliseconds:F1} ms, model {model.Elapsed.TotalMilliseconds:F2} ms ({flags.Declarations.Count} flags), appsettings {json.Elapsed.TotalMilliseconds:F2} ms ({problems.Count} problems)"));
        }
    }
}
