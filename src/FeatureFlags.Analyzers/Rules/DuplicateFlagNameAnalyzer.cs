using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0007: two declarations share one flag name (ignoring case, as configuration does), in one catalog
/// or across catalogs of this compilation and the assemblies it references.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateFlagNameAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.DuplicateFlagName,
        title: "Flag name is declared twice",
        messageFormat: "The flag name '{0}' is also declared by {1}: one name must mean one flag",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Configuration keys ignore case, so two declarations with the same name (in any case) would read the same configuration; the runtime refuses to register both.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.DuplicateFlagName));

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
            if (model.Declarations.Count < 2)
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
                        var sameName = model.FindByName(declaration.Name);
                        if (sameName == null || sameName.Count < 2)
                        {
                            continue;
                        }

                        var others = new List<string>();
                        foreach (var other in sameName)
                        {
                            if (!ReferenceEquals(other, declaration))
                            {
                                others.Add(other.DisplayName);
                            }
                        }

                        c.ReportDiagnostic(Diagnostic.Create(Rule, declaration.Location, declaration.Name, string.Join(", ", others)));
                    }
                },
                SymbolKind.NamedType);
        });
    }
}
