using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// The build as a build runs it: the generated project written to disk and compiled to a DLL by the
/// SDK's command-line compiler (csc), once without the FeatureFlags analyzers and once with them,
/// interleaved, each process timed by /usr/bin/time (wall, user+system CPU, peak memory). Process start,
/// reference loading, parsing, binding and emit are all in.
/// <list type="bullet">
/// <item><c>csc 7 [today]</c>: a bare command line, no other analyzer and no generator at all.</item>
/// <item><c>sdk 7 [today]</c>: the command line the .NET SDK itself gives csc for an ordinary net10.0 class
/// library (asked of MSBuild with <c>ProvideCommandLineArgs</c>), with the SDK's default analyzers and the
/// runtime's source generators that every such build runs; the FeatureFlags case adds what the package adds
/// (the analyzer, appsettings.json as an additional file, the <c>FeatureFlagsToday</c> property).</item>
/// </list>
/// </summary>
internal static partial class CscRun
{
    public static void Run(int rounds, string today, bool sdk)
    {
        var directory = Directory.CreateTempSubdirectory("ff-csc-");
        try
        {
            var project = WriteProject(directory.FullName, today);
            var common = sdk ? SdkCommandLine(directory.FullName) : project.BareCommandLine;
            var analyzer = typeof(Rules.ExpiredFlagAnalyzer).Assembly.Location;
            var label = sdk ? "sdk" : "csc";
            var cases = new List<(string Name, string Rsp)>
            {
                ($"{label}, no FeatureFlags analyzers", WriteRsp(directory.FullName, "plain.rsp", common)),
                ($"{label} + FeatureFlags analyzers", WriteRsp(directory.FullName, "ff.rsp", common + project.PackageAdds + $"/analyzer:\"{analyzer}\"\n")),
            };

            // The analyzer driver's own price: one analyzer with one enabled rule and one compilation action that does nothing.
            var empty = BuildEmptyAnalyzer(directory.FullName);
            cases.Add(($"{label} + empty analyzer (driver only)", WriteRsp(directory.FullName, "empty.rsp", common + $"/analyzer:\"{empty}\"\n")));

            // Another build of the analyzers to compare with (e.g. an earlier commit's), when given.
            if (Environment.GetEnvironmentVariable("FF_BENCH_OTHER_ANALYZER") is { Length: > 0 } other)
            {
                cases.Add(($"{label} + other analyzer build", WriteRsp(directory.FullName, "other.rsp", common + $"/analyzer:\"{other}\"\n")));
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
            Console.WriteLine(string.Create(c, $"{label} rounds: {rounds}, today: {today}, {Environment.ProcessorCount} cores, {common.Count(ch => ch == '\n')} arguments in common"));
            for (var i = 0; i < cases.Count; i++)
            {
                var r = results[i];
                Console.WriteLine(string.Create(c, $"{cases[i].Name,-36} median wall {Median(r.Select(x => x.Wall)),7:F2} s, median CPU {Median(r.Select(x => x.Cpu)),7:F2} s, median peak {Median(r.Select(x => x.PeakMb)),6:F0} MB, FF diagnostics {r[0].Ff}"));
            }

            for (var i = 1; i < cases.Count; i++)
            {
                var cpu = Median(results[i].Zip(results[0], (a, b) => a.Cpu / b.Cpu));
                var wall = Median(results[i].Zip(results[0], (a, b) => a.Wall / b.Wall));
                Console.WriteLine(string.Create(c, $"{cases[i].Name} / {cases[0].Name}: CPU {cpu:F3}, wall {wall:F3} (medians of per-round ratios)"));
            }
        }
        finally
        {
            // FF_BENCH_KEEP=1 keeps the project and its .rsp files, e.g. for csc's /reportanalyzer.
            if (Environment.GetEnvironmentVariable("FF_BENCH_KEEP") == "1")
            {
                Console.WriteLine("kept " + directory.FullName);
            }
            else
            {
                directory.Delete(recursive: true);
            }
        }
    }

    /// <summary>
    /// Writes the sources, appsettings.json and an SDK project file; returns the bare command line and the
    /// arguments the FeatureFlags package adds besides the analyzer.
    /// </summary>
    private static (string BareCommandLine, string PackageAdds) WriteProject(string directory, string today)
    {
        var references = Directory.GetFiles(Path.Combine(RefPack(), "ref", "net10.0"), "*.dll");
        File.WriteAllText(Path.Combine(directory, "appsettings.json"), GeneratedProject.AppSettings());

        // FF0001 as a warning, so that the compile goes on to emit on a date when a flag has expired.
        File.WriteAllText(Path.Combine(directory, "build.globalconfig"), $"is_global = true\nbuild_property.FeatureFlagsToday = {today}\ndotnet_diagnostic.FF0001.severity = warning\n");
        var packageAdds = $"/additionalfile:\"{Path.Combine(directory, "appsettings.json")}\"\n/analyzerconfig:\"{Path.Combine(directory, "build.globalconfig")}\"\n";
        var rsp = new System.Text.StringBuilder("/noconfig\n/nologo\n/target:library\n/nullable:enable\n/langversion:latest\n/deterministic\n/optimize+\n/debug:portable\n");
        rsp.Append(CultureInfo.InvariantCulture, $"/out:\"{Path.Combine(directory, "Shop.dll")}\"\n");
        foreach (var reference in references)
        {
            rsp.Append(CultureInfo.InvariantCulture, $"/reference:\"{reference}\"\n");
        }

        rsp.Append(CultureInfo.InvariantCulture, $"/reference:\"{typeof(FlagAttribute).Assembly.Location}\"\n");
        foreach (var (path, text) in GeneratedProject.Sources())
        {
            File.WriteAllText(Path.Combine(directory, path), text);
            rsp.Append(CultureInfo.InvariantCulture, $"\"{Path.Combine(directory, path)}\"\n");
        }

        // An ordinary consumer: every SDK default left as it is, FeatureFlags referenced as a plain assembly
        // so that the project file adds no analyzer of its own.
        File.WriteAllText(Path.Combine(directory, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="FeatureFlags" HintPath="{typeof(FlagAttribute).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        return (rsp.ToString(), packageAdds);
    }

    /// <summary>
    /// The csc arguments MSBuild computes for the project in <paramref name="directory"/>, without running the
    /// compiler; relative paths in them are relative to that directory, where every compile runs.
    /// </summary>
    private static string SdkCommandLine(string directory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "msbuild", "Shop.csproj", "-restore", "-t:Compile", "-p:Configuration=Release", "-p:ProvideCommandLineArgs=true", "-p:SkipCompilerExecution=true", "-getItem:CscCommandLineArgs" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet msbuild failed: " + json + error.GetAwaiter().GetResult());
        }

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var rsp = new System.Text.StringBuilder("/nologo\n");
        foreach (var item in document.RootElement.GetProperty("Items").GetProperty("CscCommandLineArgs").EnumerateArray())
        {
            rsp.Append(item.GetProperty("Identity").GetString()).Append('\n');
        }

        // SkipCompilerExecution leaves the output folders to the compiler, which does not create them.
        Directory.CreateDirectory(Path.Combine(directory, "obj", "Release", "net10.0", "refint"));
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
            WorkingDirectory = Path.GetDirectoryName(rsp),
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
