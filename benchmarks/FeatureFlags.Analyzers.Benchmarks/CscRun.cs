using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// The build as a build runs it: the generated project written to disk and compiled to a DLL by the
/// SDK's command-line compiler (csc), once without any analyzer and once with the FeatureFlags analyzers,
/// interleaved, each process timed by /usr/bin/time (wall, user+system CPU, peak memory). Process start,
/// reference loading, parsing, binding and emit are all in. <c>dotnet run -c Release -- csc 7 [today]</c>.
/// </summary>
internal static partial class CscRun
{
    public static void Run(int rounds, string today)
    {
        var directory = Directory.CreateTempSubdirectory("ff-csc-");
        try
        {
            var common = WriteProject(directory.FullName, today);
            var analyzer = typeof(Rules.ExpiredFlagAnalyzer).Assembly.Location;
            var cases = new List<(string Name, string Rsp)>
            {
                ("csc, no analyzers", WriteRsp(directory.FullName, "plain.rsp", common)),
                ("csc + FeatureFlags analyzers", WriteRsp(directory.FullName, "ff.rsp", common + $"/analyzer:\"{analyzer}\"\n")),
            };

            // The analyzer driver's own price: one analyzer with one enabled rule and one compilation action that does nothing.
            var empty = BuildEmptyAnalyzer(directory.FullName);
            cases.Add(("csc + empty analyzer (driver only)", WriteRsp(directory.FullName, "empty.rsp", common + $"/analyzer:\"{empty}\"\n")));

            // Another build of the analyzers to compare with (e.g. an earlier commit's), when given.
            if (Environment.GetEnvironmentVariable("FF_BENCH_OTHER_ANALYZER") is { Length: > 0 } other)
            {
                cases.Add(("csc + other analyzer build", WriteRsp(directory.FullName, "other.rsp", common + $"/analyzer:\"{other}\"\n")));
            }

            var results = cases.Select(_ => new List<(double Wall, double Cpu, double PeakMb, int Ff)>()).ToArray();
            for (var round = -1; round < rounds; round++)
            {
                for (var k = 0; k < cases.Count; k++)
                {
                    var i = (k + round + 1) % cases.Count;
                    var result = Compile(cases[i].Rsp);
                    if (round >= 0)
                    {
                        results[i].Add(result);
                    }
                }
            }

            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"csc rounds: {rounds}, today: {today}, {Environment.ProcessorCount} cores"));
            for (var i = 0; i < cases.Count; i++)
            {
                var r = results[i];
                Console.WriteLine(string.Create(c, $"{cases[i].Name,-36} median wall {Median(r.Select(x => x.Wall)),7:F2} s, median CPU {Median(r.Select(x => x.Cpu)),7:F2} s, median peak {Median(r.Select(x => x.PeakMb)),6:F0} MB, FF diagnostics {r[0].Ff}"));
            }

            for (var i = 1; i < cases.Count; i++)
            {
                var cpu = Median(results[i].Zip(results[0], (a, b) => a.Cpu / b.Cpu));
                var wall = Median(results[i].Zip(results[0], (a, b) => a.Wall / b.Wall));
                Console.WriteLine(string.Create(c, $"{cases[i].Name} / no analyzers: CPU {cpu:F3}, wall {wall:F3} (medians of per-round ratios)"));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string WriteProject(string directory, string today)
    {
        var references = Directory.GetFiles(Path.Combine(RefPack(), "ref", "net10.0"), "*.dll");
        File.WriteAllText(Path.Combine(directory, "appsettings.json"), GeneratedProject.AppSettings());

        // FF0001 as a warning, so that the compile goes on to emit on a date when a flag has expired.
        File.WriteAllText(Path.Combine(directory, "build.globalconfig"), $"is_global = true\nbuild_property.FeatureFlagsToday = {today}\ndotnet_diagnostic.FF0001.severity = warning\n");
        var rsp = new System.Text.StringBuilder("/noconfig\n/nologo\n/target:library\n/nullable:enable\n/langversion:latest\n/deterministic\n/optimize+\n/debug:portable\n");
        rsp.Append(CultureInfo.InvariantCulture, $"/out:\"{Path.Combine(directory, "Shop.dll")}\"\n");
        foreach (var reference in references)
        {
            rsp.Append(CultureInfo.InvariantCulture, $"/reference:\"{reference}\"\n");
        }

        rsp.Append(CultureInfo.InvariantCulture, $"/reference:\"{typeof(FlagAttribute).Assembly.Location}\"\n");
        rsp.Append(CultureInfo.InvariantCulture, $"/additionalfile:\"{Path.Combine(directory, "appsettings.json")}\"\n");
        rsp.Append(CultureInfo.InvariantCulture, $"/analyzerconfig:\"{Path.Combine(directory, "build.globalconfig")}\"\n");
        foreach (var (path, text) in GeneratedProject.Sources())
        {
            File.WriteAllText(Path.Combine(directory, path), text);
            rsp.Append(CultureInfo.InvariantCulture, $"\"{Path.Combine(directory, path)}\"\n");
        }

        return rsp.ToString();
    }

    private static string BuildEmptyAnalyzer(string directory)
    {
        const string Source = """
            using System.Collections.Immutable;
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.Diagnostics;

            [DiagnosticAnalyzer(LanguageNames.CSharp)]
            public sealed class EmptyAnalyzer : DiagnosticAnalyzer
            {
                private static readonly DiagnosticDescriptor Rule = new("EMPTY0001", "t", "m", "c", DiagnosticSeverity.Hidden, true);
                public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
                public override void Initialize(AnalysisContext context)
                {
                    context.EnableConcurrentExecution();
                    context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                    context.RegisterCompilationAction(static _ => { });
                }
            }
            """;
        var source = Path.Combine(directory, "EmptyAnalyzer.cs");
        File.WriteAllText(source, Source);
        var output = Path.Combine(directory, "EmptyAnalyzer.dll");
        var rsp = new System.Text.StringBuilder("/noconfig\n/nologo\n/target:library\n/nowarn:RS1036,RS1001\n");
        rsp.Append(CultureInfo.InvariantCulture, $"/out:\"{output}\"\n");
        foreach (var reference in Directory.GetFiles(Path.Combine(RefPack(), "ref", "net10.0"), "*.dll"))
        {
            rsp.Append(CultureInfo.InvariantCulture, $"/reference:\"{reference}\"\n");
        }

        rsp.Append(CultureInfo.InvariantCulture, $"/reference:\"{Path.Combine(Path.GetDirectoryName(Csc())!, "Microsoft.CodeAnalysis.dll")}\"\n\"{source}\"\n");
        Compile(WriteRsp(directory, "empty-build.rsp", rsp.ToString()));
        return output;
    }

    private static string WriteRsp(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (double Wall, double Cpu, double PeakMb, int Ff) Compile(string rsp)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-f", "TIME %e %U %S %M", "dotnet", "exec", Csc(), "@" + rsp })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var stdout = output.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("csc failed: " + stdout + error);
        }

        var match = TimeLine().Match(error);
        var c = CultureInfo.InvariantCulture;
        return (
            double.Parse(match.Groups[1].Value, c),
            double.Parse(match.Groups[2].Value, c) + double.Parse(match.Groups[3].Value, c),
            double.Parse(match.Groups[4].Value, c) / 1024,
            Regex.Matches(stdout, @"warning FF0|error FF0").Count);
    }

    private static string Csc() =>
        Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "sdk", Sdk(), "Roslyn", "bincore", "csc.dll");

    private static string Sdk() => Environment.GetEnvironmentVariable("FF_BENCH_SDK") ?? "10.0.401";

    private static string RefPack()
    {
        var packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref");
        return Directory.GetDirectories(packs).OrderBy(d => d, StringComparer.Ordinal).Last();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)")]
    private static partial Regex TimeLine();
}
