using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// Where the cost of an analyzed compile comes from: the plain compile, the analyzer driver with one
/// do-nothing analyzer of each kind of action, and each FeatureFlags analyzer alone (no host), interleaved,
/// medians of CPU time and allocations. <c>dotnet run -c Release -- driver 5 [today]</c>.
/// </summary>
internal static class DriverProbe
{
    public static void Run(int rounds, string today)
    {
        var bench = new AnalyzerOverheadBenchmarks { Today = today };
        bench.Setup();
        var configs = new List<(string Name, Func<int> Body)>
        {
            ("compile, no analyzers", bench.WithoutAnalyzers),
            ("empty: syntax-node action", () => bench.Run([new EmptyAnalyzer(EmptyAnalyzer.Kind.SyntaxNode)]).Length),
            ("empty: named-type symbol action", () => bench.Run([new EmptyAnalyzer(EmptyAnalyzer.Kind.Symbol)]).Length),
            ("empty: syntax-tree action", () => bench.Run([new EmptyAnalyzer(EmptyAnalyzer.Kind.SyntaxTree)]).Length),
            ("empty: semantic-model action", () => bench.Run([new EmptyAnalyzer(EmptyAnalyzer.Kind.SemanticModel)]).Length),
            ("empty: compilation action", () => bench.Run([new EmptyAnalyzer(EmptyAnalyzer.Kind.Compilation)]).Length),
            ("empty: compilation, generated code on", () => bench.Run([new EmptyAnalyzer(EmptyAnalyzer.Kind.CompilationAnalyzingGeneratedCode)]).Length),
            ("empty: operation action (host)", () => bench.Run([new OperationHostAnalyzer()]).Length),
            ("all FeatureFlags analyzers", bench.WithAnalyzersCount),
        };
        configs.AddRange(AnalyzerOverheadBenchmarks.Analyzers.Select(a => (a.GetType().Name, (Func<int>)(() => bench.Run([a]).Length))));
        var times = configs.Select(_ => new List<double>()).ToArray();
        var allocated = new double[configs.Count];
        for (var round = -1; round < rounds; round++)
        {
            for (var k = 0; k < configs.Count; k++)
            {
                var i = (k + round + 1) % configs.Count;
                var body = configs[i].Body;
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = CpuTimer.Milliseconds(() => body());
                allocated[i] = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576.0;
                if (round >= 0)
                {
                    times[i].Add(cpu);
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"driver probe: {rounds} rounds, today {today}"));
        for (var i = 0; i < configs.Count; i++)
        {
            var sorted = times[i].OrderBy(t => t).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{configs[i].Name,-34} median CPU {sorted[sorted.Count / 2],8:F1} ms, allocated {allocated[i],6:F2} MB"));
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class EmptyAnalyzer(EmptyAnalyzer.Kind kind) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BENCH0002", "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public enum Kind
        {
            SyntaxNode,
            Symbol,
            SyntaxTree,
            SemanticModel,
            Compilation,
            CompilationAnalyzingGeneratedCode,
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(kind == Kind.CompilationAnalyzingGeneratedCode
                ? GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics
                : GeneratedCodeAnalysisFlags.None);
            switch (kind)
            {
                case Kind.SyntaxNode:
                    context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.Argument);
                    break;
                case Kind.Symbol:
                    context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
                    break;
                case Kind.SyntaxTree:
                    context.RegisterSyntaxTreeAction(static _ => { });
                    break;
                case Kind.SemanticModel:
                    context.RegisterSemanticModelAction(static _ => { });
                    break;
                default:
                    context.RegisterCompilationAction(static _ => { });
                    break;
            }
        }
    }
}
