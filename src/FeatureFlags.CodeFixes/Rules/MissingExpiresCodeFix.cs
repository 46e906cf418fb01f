using System.Collections.Immutable;
using System.Composition;
using FeatureFlags.Analyzers;
using FeatureFlags.Analyzers.Model;
using FeatureFlags.CodeFixes.Syntax;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FeatureFlags.CodeFixes.Rules;

/// <summary>
/// FF0003: adds <c>Expires = "&lt;today + 90 days&gt;"</c> to the flag's <c>[Flag]</c> attribute (or replaces
/// <c>Expires = null</c>). Today is the <c>FeatureFlagsToday</c> MSBuild property when it is a valid date,
/// as for the expiry rules, otherwise the UTC date.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingExpiresCodeFix))]
[Shared]
public sealed class MissingExpiresCodeFix : CodeFixProvider
{
    /// <summary>How far ahead the proposed expiry lies: long enough for a release, short enough to be a reminder.</summary>
    public const int DaysAhead = 90;

    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "FF0003.AddExpires";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.MissingExpires);

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

        // The same "today" as the expiry rules, so a pinned build proposes a reproducible date.
        var expires = IsoDate.ToText(BuildSettings.Read(context.Document.Project.AnalyzerOptions).Today.AddDays(DaysAhead));
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent;
            var attribute = node == null ? null : FlagAttributeSyntax.Find(node, semanticModel, context.CancellationToken);
            if (attribute == null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add Expires = \"" + expires + "\"",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(attribute, WithExpires(attribute, expires)))),
                    Key),
                diagnostic);
        }
    }

    private static AttributeSyntax WithExpires(AttributeSyntax attribute, string expires)
    {
        var value = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(expires));
        var existing = FlagAttributeSyntax.ExpiresArgument(attribute);
        if (existing != null)
        {
            return attribute.ReplaceNode(existing.Expression, value.WithTriviaFrom(existing.Expression));
        }

        // Right after the kind, where the rule pages and samples put it, laid out like its neighbours
        // (one line, or one argument per line).
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var arguments = list.Arguments;
        var index = 0;
        while (index < arguments.Count && arguments[index].NameEquals == null)
        {
            index++;
        }

        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(FlagDeclarationShape.Expires).WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null,
            value);

        // In Roslyn's layout a line break follows a comma and indentation precedes an argument: the new
        // argument takes the indentation of the one it follows or displaces, its comma the line break.
        var nodes = new List<SyntaxNodeOrToken>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i == index)
            {
                nodes.Add(argument.WithLeadingTrivia(arguments[i].GetLeadingTrivia()));
                nodes.Add(CommaLike(arguments, i - 1));
            }

            nodes.Add(arguments[i]);
            if (i < arguments.SeparatorCount)
            {
                nodes.Add(arguments.GetSeparator(i));
            }
        }

        if (index == arguments.Count)
        {
            if (arguments.Count > 0)
            {
                nodes.Add(CommaLike(arguments, arguments.Count - 2));
            }

            nodes.Add(argument.WithLeadingTrivia(arguments.Count > 1 ? arguments[arguments.Count - 1].GetLeadingTrivia() : default));
        }

        return attribute.WithArgumentList(list.WithArguments(SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(nodes)));
    }

    // A comma with the trailing trivia of the separator at `separator` (a line break in a one-per-line
    // list), or ", " when there is none.
    private static SyntaxToken CommaLike(SeparatedSyntaxList<AttributeArgumentSyntax> arguments, int separator) =>
        SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(
            separator >= 0 && separator < arguments.SeparatorCount ? arguments.GetSeparator(separator).TrailingTrivia : SyntaxFactory.TriviaList(SyntaxFactory.Space));
}
