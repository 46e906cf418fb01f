using System.Collections.Immutable;
using System.Threading;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// The shape shared by the rules that judge each flag declaration (FF0002, FF0003, FF0004, FF0007):
/// the catalogs are found once per compilation, and each catalog type is visited once.
/// </summary>
public abstract class FlagDeclarationAnalyzer : CatalogAnalyzer
{
    private protected FlagDeclarationAnalyzer(DiagnosticDescriptor rule)
    {
        Rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    private protected DiagnosticDescriptor Rule { get; }

    private protected sealed override void Start(CompilationStartAnalysisContext context, CompilationFlags flags)
    {
        var settings = BuildSettings.Read(context.Options);
        context.RegisterSymbolAction(
            c =>
            {
                var declarations = flags.FindByDeclaringType((INamedTypeSymbol)c.Symbol);
                if (declarations == null)
                {
                    return;
                }

                foreach (var declaration in declarations)
                {
                    if (Check(declaration, flags, settings, c.CancellationToken) is { } diagnostic)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                }
            },
            SymbolKind.NamedType);
    }

    /// <summary>Judges one declaration; <paramref name="model"/> holds every declaration the compilation sees.</summary>
    /// <returns>The diagnostic to report, or <see langword="null"/> when the declaration is fine.</returns>
    private protected abstract Diagnostic? Check(FlagDeclaration declaration, CompilationFlags model, BuildSettings settings, CancellationToken cancellationToken);
}
