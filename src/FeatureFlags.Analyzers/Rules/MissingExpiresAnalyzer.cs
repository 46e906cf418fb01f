using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>FF0003: a release or experiment flag (temporary by nature) has no <c>Expires</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingExpiresAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.MissingExpires,
        title: "Temporary flag has no expiry date",
        messageFormat: "The {1} flag '{0}' has no Expires date: release and experiment flags are temporary, so give the last day the flag may exist (Expires = \"yyyy-MM-dd\")",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Release and experiment flags are meant to be removed. Without an expiry date nothing reminds the team to remove them.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.MissingExpires));

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var model = FlagModel.For(start.Compilation);
            if (model.Declarations.Count == 0)
            {
                return;
            }

            start.RegisterSymbolAction(
                c =>
                {
                    var declarations = model.FindByDeclaringType((INamedTypeSymbol)c.Symbol);
                    if (declarations == null)
                    {
                        return;
                    }

                    foreach (var declaration in declarations)
                    {
                        if (declaration is { IsTemporary: true, ExpiresText: null })
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Location, declaration.Name, declaration.KindName!.ToLowerInvariant()));
                        }
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
