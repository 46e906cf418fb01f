using System.Collections.Immutable;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FeatureFlags.Analyzers.Rules;

/// <summary>
/// FF0005: a constant string passed to a parameter marked <c>[FlagName]</c> names no declared flag.
/// The parameters are found by the attribute, so wrappers written by users are checked too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownFlagNameAnalyzer : CatalogAnalyzer
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

    /// <summary>
    /// Property key prefixes of the suggestions carried for the code fix, closest first: <c>Name0</c> is the
    /// nearest declared flag name and <c>Field0</c> the documentation id of its constant (when one
    /// declaration has that name), <c>Name1</c>/<c>Field1</c> the next, and so on.
    /// </summary>
    public const string SuggestedNameKey = "Name";

    /// <summary>See <see cref="SuggestedNameKey"/>.</summary>
    public const string SuggestedFieldKey = "Field";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Start(CompilationStartAnalysisContext context, CompilationFlags model)
    {
        // One walk per tree with syntactic prefilters (FlagNameArguments), not operations: building
        // operation trees for every method body cost 40-65 % of a plain compile.
        Func<string, bool> isUnknown = name => model.FindByName(name) == null;
        context.RegisterSemanticModelAction(c =>
        {
            foreach (var node in c.SemanticModel.SyntaxTree.GetRoot(c.CancellationToken).DescendantNodes())
            {
                if (node.IsKind(SyntaxKind.Argument) || node.IsKind(SyntaxKind.AttributeArgument))
                {
                    var name = FlagNameArguments.Find(node, c.SemanticModel, model, isUnknown, out var expression, c.CancellationToken);
                    if (name != null)
                    {
                        var nearest = NameSuggestions.Nearest(name, model.DeclaredNames);
                        c.ReportDiagnostic(Diagnostic.Create(Rule, expression.GetLocation(), Suggestions(nearest, model), name, NameSuggestions.Hint(name, model.DeclaredNames)));
                    }
                }
            }
        });
    }

    // The fix cannot recompute the suggestions (the model is per compilation and internal here), so the
    // diagnostic carries them; the constant is named by its documentation id, which the fix resolves.
    private static ImmutableDictionary<string, string?> Suggestions(List<string> nearest, CompilationFlags model)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < nearest.Count; i++)
        {
            properties[SuggestedNameKey + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = nearest[i];
            var declarations = model.FindByName(nearest[i]);
            if (declarations is { Count: 1 })
            {
                properties[SuggestedFieldKey + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                    DocumentationCommentId.CreateDeclarationId(declarations[0].Field);
            }
        }

        return properties.ToImmutable();
    }
}
