using System.Globalization;
using BenchmarkDotNet.Running;
using FeatureFlags.Analyzers.Benchmarks;

if (args.Length > 0 && args[0] == "paired")
{
    PairedRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15, args.Length > 2 ? args[2] : GeneratedProject.Today);
    return;
}

if (args.Length > 0 && args[0] == "ablation")
{
    Ablation.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] is "csc" or "sdk")
{
    CscRun.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7, args.Length > 2 ? args[2] : "2026-12-01", sdk: args[0] == "sdk");
    return;
}

if (args.Length > 0 && args[0] == "driver")
{
    DriverProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, args.Length > 2 ? args[2] : GeneratedProject.Today);
    return;
}

if (args.Length > 0 && args[0] == "probe")
{
    Probe.Run();
    return;
}

if (args.Length > 0 && args[0] == "loop")
{
    // For a profiler: the analyzed compile, over and over.
    var bench = new AnalyzerOverheadBenchmarks();
    bench.Setup();
    for (var i = 0; i < int.Parse(args[1], CultureInfo.InvariantCulture); i++)
    {
        bench.WithAnalyzersCount();
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
