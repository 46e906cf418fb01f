using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>FF0004: <c>Expires</c> is not a <c>yyyy-MM-dd</c> calendar date.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidExpiresAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.InvalidExpires,
        title: "Expires is not a yyyy-MM-dd date",
        messageFormat: "The Expires value '{1}' of the flag '{0}' is not a yyyy-MM-dd date, such as 2027-03-31",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Expires must be a constant ISO calendar date (yyyy-MM-dd). The runtime refuses the catalog otherwise, and no expiry rule can be applied.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.InvalidExpires));

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
                        if (declaration is { ExpiresText: not null, Expires: null })
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.ExpiresLocation(c.CancellationToken), declaration.Name, declaration.ExpiresText));
                        }
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
