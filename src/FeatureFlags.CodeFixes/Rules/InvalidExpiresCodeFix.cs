using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using FeatureFlags.Analyzers;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FeatureFlags.CodeFixes.Rules;

/// <summary>
/// FF0004: rewrites an <c>Expires</c> literal as <c>yyyy-MM-dd</c> when it reads as one date in a
/// year-first format (<c>2027-3-1</c>, <c>2027/03/01</c>, <c>2027.03.01</c>, <c>20270301</c>, a date with a
/// time, read as written rather than converted between zones, surrounding spaces). Day-month orders such as <c>03/01/2027</c> are ambiguous and get no fix,
/// nor do dates that do not exist (<c>2027-02-30</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidExpiresCodeFix))]
[Shared]
public sealed class InvalidExpiresCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "FF0004.FixExpiresFormat";

    private static readonly string[] YearFirstFormats =
    {
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy-M-dTHH:mm", "yyyy-M-dTHH:mm:ss", "yyyy-M-dTHH:mm:ssZ",
        "yyyy-M-d HH:mm", "yyyy-M-d HH:mm:ss",
    };

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InvalidExpires);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || TryReadYearFirst(literal.Token.ValueText) is not { } date)
            {
                continue;
            }

            var text = IsoDate.ToText(date);
            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use \"" + text + "\"",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    Key),
                diagnostic);
        }
    }

    /// <summary>The date a year-first text stands for, or null when it is not one (or not only one).</summary>
    internal static DateTime? TryReadYearFirst(string text) =>
        DateTime.TryParseExact(text.Trim(), YearFirstFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.Date
            : null;
}
