using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using FeatureFlags.Analyzers;
using FeatureFlags.CodeFixes.Syntax;
using FeatureFlags.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace FeatureFlags.CodeFixes.Rules;

/// <summary>
/// FF0005: replaces an unknown flag name with the nearest declared one: a reference to the flag's
/// constant (<c>Flags.NewCheckout</c>) where the constant is accessible, otherwise the correct literal.
/// One action per suggestion the diagnostic carries; fix-all applies each diagnostic's nearest one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownFlagNameCodeFix))]
[Shared]
public sealed class UnknownFlagNameCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the nearest suggestion, the one fix-all applies.</summary>
    public const string NearestKey = "FF0005.UseNearestFlagName";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnknownFlagName);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixContext.RootAndModelAsync(context).ConfigureAwait(false) is not { } opened)
        {
            return;
        }

        var (root, semanticModel) = opened;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                continue;
            }

            for (var i = 0; diagnostic.Properties.TryGetValue(Key(UnknownFlagNameAnalyzer.SuggestedNameKey, i), out var name) && name != null; i++)
            {
                diagnostic.Properties.TryGetValue(Key(UnknownFlagNameAnalyzer.SuggestedFieldKey, i), out var fieldId);
                var replacement = Replacement(name, fieldId, semanticModel, expression.SpanStart, out var shown);
                var title = "Use '" + shown + "'";
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(expression, replacement.WithTriviaFrom(expression)))),
                        i == 0 ? NearestKey : NearestKey + ":" + name),
                    diagnostic);
            }
        }
    }

    private static string Key(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    // The constant keeps the use tied to the declaration (renames follow it, FF0001 sees it); a literal is
    // the fallback when the constant cannot be named from here (a private catalog, another assembly's internals).
    private static ExpressionSyntax Replacement(string name, string? fieldId, SemanticModel semanticModel, int position, out string shown)
    {
        if (fieldId != null
            && DocumentationCommentId.GetFirstSymbolForDeclarationId(fieldId, semanticModel.Compilation) is IFieldSymbol field
            && semanticModel.IsAccessible(position, field)
            && !IsInsideInitializerOf(field, semanticModel, position))
        {
            shown = field.ContainingType.ToMinimalDisplayString(semanticModel, position) + "." + field.Name;

            // Without `global::` when that binds to the same constant here: the simplifier drops the
            // trivia of a removed `global::`, and the space before the argument with it.
            var expression = Qualified(field, SymbolDisplayGlobalNamespaceStyle.Omitted);
            if (!SymbolEqualityComparer.Default.Equals(semanticModel.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Symbol, field))
            {
                expression = Qualified(field, SymbolDisplayGlobalNamespaceStyle.Included);
            }

            return expression.WithAdditionalAnnotations(Simplifier.Annotation);
        }

        var literal = SyntaxFactory.Literal(name);
        shown = literal.Text;
        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, literal);
    }

    private static ExpressionSyntax Qualified(IFieldSymbol field, SymbolDisplayGlobalNamespaceStyle style) =>
        SyntaxFactory.ParseExpression(
            field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(style)) + "." + field.Name);

    // `const string A = ...` cannot refer to itself: inside the constant's own declaration keep a literal.
    private static bool IsInsideInitializerOf(IFieldSymbol field, SemanticModel semanticModel, int position)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == semanticModel.SyntaxTree && reference.GetSyntax().Parent?.Parent is { } declaration && declaration.Span.Contains(position))
            {
                return true;
            }
        }

        return false;
    }
}
