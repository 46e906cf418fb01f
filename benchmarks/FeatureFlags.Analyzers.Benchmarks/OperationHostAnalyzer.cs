using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Benchmarks;

/// <summary>
/// Reports nothing, but asks for operations, as the SDK's built-in code-quality analyzers do: its cost
/// is the analyzer driver and the operation trees, which any real build already pays once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationHostAnalyzer : DiagnosticAnalyzer
{
    // Enabled: the driver skips an analyzer whose every rule is disabled, and would then measure nothing.
    private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "unused", "unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, OperationKind.Argument, OperationKind.FieldReference);
    }
}
