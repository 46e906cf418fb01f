using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0005: a constant string passed to a parameter marked <c>[FlagName]</c> names no declared flag.
/// The parameters are found by the attribute, so wrappers written by users are checked too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownFlagNameAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.UnknownFlagName,
        title: "Unknown flag name",
        messageFormat: "'{0}' is not a declared flag{1}",
        category: DiagnosticIds.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string passed where a flag name is expected must name a flag declared in a [FlagCatalog] class; an unknown name always evaluates to false at run time.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.UnknownFlagName));

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

            // With no catalog in sight there is nothing to compare with (a library that only passes names through).
            if (model.Declarations.Count == 0)
            {
                return;
            }

            // One walk per tree with syntactic prefilters (FlagNameArguments), not operations: building
            // operation trees for every method body cost 40-65 % of a plain compile.
            Func<string, bool> isUnknown = name => model.FindByName(name) == null;
            start.RegisterSemanticModelAction(c =>
            {
                foreach (var node in c.SemanticModel.SyntaxTree.GetRoot(c.CancellationToken).DescendantNodes())
                {
                    if (node.IsKind(SyntaxKind.Argument) || node.IsKind(SyntaxKind.AttributeArgument))
                    {
                        var name = FlagNameArguments.Find(node, c.SemanticModel, model, isUnknown, out var expression, c.CancellationToken);
                        if (name != null)
                        {
                            c.ReportDiagnostic(Diagnostic.Create(Rule, expression.GetLocation(), name, NameSuggestions.Hint(name, model.DeclaredNames)));
                        }
                    }
                }
            });
        });
    }
}
