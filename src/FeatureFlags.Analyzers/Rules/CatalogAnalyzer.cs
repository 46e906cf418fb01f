using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// The start shared by the rules that need the compilation's flags (FF0001–FF0005, FF0007): generated code
/// left alone, concurrent execution, and nothing registered at all when the compilation sees no catalog,
/// which keeps the rules free for the many projects that only reference FeatureFlags.
/// </summary>
public abstract class CatalogAnalyzer : DiagnosticAnalyzer
{
    private protected CatalogAnalyzer()
    {
    }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var flags = Model.CompilationFlags.For(start.Compilation);
            if (flags.Declarations.Count > 0)
            {
                Start(start, flags);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that sees at least one catalog.</summary>
    /// <param name="context">The compilation's start.</param>
    /// <param name="flags">Every flag the compilation sees.</param>
    private protected abstract void Start(CompilationStartAnalysisContext context, Model.CompilationFlags flags);
}
