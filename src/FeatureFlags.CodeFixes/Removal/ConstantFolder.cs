using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// Folds what a flag's removal leaves behind, bottom-up: <c>!true</c>, <c>true &amp;&amp; x</c>, <c>false || x</c>,
/// <c>true ? a : b</c>, <c>true is false</c>, and <c>if</c>/<c>else if</c>/<c>else</c> on a constant, whose kept branch is
/// inlined into the enclosing block (braces kept only where its locals would clash) and whose other branch goes; then
/// the statements a now unconditional <c>return</c> or <c>throw</c> leaves unreachable. Only literals are folded:
/// a condition on anything else is the application's, and stays.
/// </summary>
internal sealed class ConstantFolder : CSharpSyntaxRewriter
{
    public override SyntaxNode? VisitPrefixUnaryExpression(PrefixUnaryExpressionSyntax node)
    {
        var visited = (PrefixUnaryExpressionSyntax)base.VisitPrefixUnaryExpression(node)!;
        return visited.IsKind(SyntaxKind.LogicalNotExpression) && Constant(visited.Operand) is { } value
            ? Literal(!value, visited)
            : visited;
    }

    public override SyntaxNode? VisitParenthesizedExpression(ParenthesizedExpressionSyntax node)
    {
        var visited = (ParenthesizedExpressionSyntax)base.VisitParenthesizedExpression(node)!;
        return Constant(visited.Expression) is { } value ? Literal(value, visited) : visited;
    }

    public override SyntaxNode? VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        var visited = (BinaryExpressionSyntax)base.VisitBinaryExpression(node)!;
        var left = Constant(visited.Left);
        var right = Constant(visited.Right);
        switch (visited.Kind())
        {
            case SyntaxKind.LogicalAndExpression:
                // true && x is x; false && x is false (x is never evaluated, so nothing is lost).
                if (left is { } l)
                {
                    return l ? visited.Right.WithTriviaFrom(visited) : Literal(false, visited);
                }

                return right == true ? visited.Left.WithTriviaFrom(visited) : visited;
            case SyntaxKind.LogicalOrExpression:
                if (left is { } lo)
                {
                    return lo ? Literal(true, visited) : visited.Right.WithTriviaFrom(visited);
                }

                return right == false ? visited.Left.WithTriviaFrom(visited) : visited;
            case SyntaxKind.EqualsExpression when left is { } a && right is { } b:
                return Literal(a == b, visited);
            case SyntaxKind.NotEqualsExpression when left is { } a2 && right is { } b2:
                return Literal(a2 != b2, visited);
            case SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression when Text(visited.Left, out var x) && Text(visited.Right, out var y):
                // A kept variant compared with a name: "green" == "green", null != "blue".
                return Literal(string.Equals(x, y, StringComparison.Ordinal) == visited.IsKind(SyntaxKind.EqualsExpression), visited);
            default:
                return visited;
        }
    }

    public override SyntaxNode? VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        var visited = (ConditionalExpressionSyntax)base.VisitConditionalExpression(node)!;
        return Constant(visited.Condition) is { } value
            ? (value ? visited.WhenTrue : visited.WhenFalse).WithTriviaFrom(visited)
            : visited;
    }

    public override SyntaxNode? VisitSwitchExpression(SwitchExpressionSyntax node)
    {
        var visited = (SwitchExpressionSyntax)base.VisitSwitchExpression(node)!;
        if (!Text(visited.GoverningExpression, out var served))
        {
            return visited;
        }

        foreach (var arm in visited.Arms)
        {
            if (arm.WhenClause is null && Matches(arm.Pattern, served) is { } matches)
            {
                if (matches)
                {
                    return arm.Expression.WithTriviaFrom(visited);
                }
            }
            else
            {
                // A guard or a pattern that is not a constant: the application's to decide.
                return visited;
            }
        }

        return visited;
    }

    /// <summary>The section a switch on <paramref name="served"/> runs, or null when a label is not a constant (left alone).</summary>
    private static SwitchSectionSyntax? Section(SwitchStatementSyntax switchStatement, string? served)
    {
        SwitchSectionSyntax? fallback = null;
        foreach (var section in switchStatement.Sections)
        {
            foreach (var label in section.Labels)
            {
                switch (label)
                {
                    case DefaultSwitchLabelSyntax:
                        fallback = section;
                        break;
                    case CaseSwitchLabelSyntax caseLabel when Text(caseLabel.Value, out var value):
                        if (string.Equals(value, served, StringComparison.Ordinal))
                        {
                            return section;
                        }

                        break;
                    default:
                        return null;
                }
            }
        }

        return fallback;
    }

    /// <summary>Whether a switch-expression pattern matches <paramref name="served"/>; null when it is not a constant or discard.</summary>
    private static bool? Matches(PatternSyntax pattern, string? served) =>
        pattern switch
        {
            DiscardPatternSyntax => true,
            ConstantPatternSyntax constant when Text(constant.Expression, out var value) => string.Equals(value, served, StringComparison.Ordinal),
            _ => null,
        };

    public override SyntaxNode? VisitIsPatternExpression(IsPatternExpressionSyntax node)
    {
        var visited = (IsPatternExpressionSyntax)base.VisitIsPatternExpression(node)!;
        if (Constant(visited.Expression) is not { } value)
        {
            return visited;
        }

        return visited.Pattern switch
        {
            ConstantPatternSyntax constant when Constant(constant.Expression) is { } expected => Literal(value == expected, visited),
            UnaryPatternSyntax { Pattern: ConstantPatternSyntax inner } when Constant(inner.Expression) is { } notExpected => Literal(value != notExpected, visited),
            _ => visited,
        };
    }

    public override SyntaxNode? VisitIfStatement(IfStatementSyntax node)
    {
        var visited = (IfStatementSyntax)base.VisitIfStatement(node)!;

        // else if (constant): the else takes the kept branch.
        if (visited.Else?.Statement is IfStatementSyntax elseIf && Constant(elseIf.Condition) is { } elseValue)
        {
            var kept = elseValue ? elseIf.Statement : elseIf.Else?.Statement;
            visited = kept is null
                ? visited.WithElse(null)
                : visited.WithElse(visited.Else.WithStatement(kept.WithLeadingTrivia(SyntaxFactory.ElasticMarker)).WithAdditionalAnnotations(Formatter.Annotation));
        }

        return visited;
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        return Splice(visited.Statements, out var statements) ? visited.WithStatements(statements) : visited;
    }

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
    {
        var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
        return Splice(visited.Statements, out var statements) ? visited.WithStatements(statements) : visited;
    }

    /// <summary>Top-level statements: a program's <c>if</c> on a flag is as common as a method's.</summary>
    public override SyntaxNode? VisitCompilationUnit(CompilationUnitSyntax node)
    {
        var visited = (CompilationUnitSyntax)base.VisitCompilationUnit(node)!;
        var globals = visited.Members.OfType<GlobalStatementSyntax>().ToList();
        if (globals.Count == 0 || !Splice(SyntaxFactory.List(globals.Select(g => g.Statement)), out var statements))
        {
            return visited;
        }

        var members = new List<MemberDeclarationSyntax>(statements.Select(s => (MemberDeclarationSyntax)SyntaxFactory.GlobalStatement(s)));
        members.AddRange(visited.Members.Where(m => m is not GlobalStatementSyntax));
        return visited.WithMembers(SyntaxFactory.List(members));
    }

    /// <summary>
    /// Replaces each <c>if</c> on a constant among <paramref name="original"/> with its kept branch, and drops what a kept
    /// return or throw leaves unreachable; false when nothing changed.
    /// </summary>
    private static bool Splice(SyntaxList<StatementSyntax> original, out SyntaxList<StatementSyntax> result)
    {
        var statements = new List<StatementSyntax>();
        var changed = false;
        foreach (var statement in original)
        {
            if (statement is IfStatementSyntax ifStatement && Constant(ifStatement.Condition) is { } value)
            {
                changed = true;
                var kept = value ? ifStatement.Statement : ifStatement.Else?.Statement;
                statements.AddRange(Inline(kept, original, ifStatement));
            }
            else if (statement is SwitchStatementSyntax switchStatement && Text(switchStatement.Expression, out var served) && Section(switchStatement, served) is { } section)
            {
                // A switch on a kept variant: the matching section's statements, without the break that ended it.
                changed = true;
                var body = section.Statements.Count == 1 && section.Statements[0] is BlockSyntax block ? block.Statements : section.Statements;
                statements.AddRange(body.Where(s => s is not BreakStatementSyntax).Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)));
            }
            else
            {
                statements.Add(statement);
            }
        }

        // What follows an unconditional return or throw is unreachable (CS0162): a kept early return ends the list.
        var end = statements.FindIndex(s => s is ReturnStatementSyntax or ThrowStatementSyntax);
        if (changed && end >= 0 && end < statements.Count - 1)
        {
            statements.RemoveRange(end + 1, statements.Count - end - 1);
        }

        result = SyntaxFactory.List(statements);
        return changed;
    }

    /// <summary>The statements of a kept branch, as they go among <paramref name="siblings"/> in place of <paramref name="replaced"/>.</summary>
    private static IEnumerable<StatementSyntax> Inline(StatementSyntax? kept, SyntaxList<StatementSyntax> siblings, IfStatementSyntax replaced)
    {
        switch (kept)
        {
            case null:
                return [];
            case IfStatementSyntax chained:
                // else if: the rest of the chain stands on its own.
                return [chained.WithLeadingTrivia(replaced.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation)];
            case BlockSyntax inner when !ClashesWith(inner, siblings, replaced):
                return inner.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation));
            default:
                return [kept.WithLeadingTrivia(replaced.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation)];
        }
    }

    /// <summary>Whether a local of the kept block has the name of one its new siblings declare.</summary>
    private static bool ClashesWith(BlockSyntax inner, SyntaxList<StatementSyntax> siblings, IfStatementSyntax replaced)
    {
        var innerNames = new HashSet<string>(inner.Statements.SelectMany(Declared), StringComparer.Ordinal);
        return innerNames.Count > 0 && siblings.Where(s => s != replaced).SelectMany(s => s.DescendantNodesAndSelf().OfType<StatementSyntax>()).SelectMany(Declared).Any(innerNames.Contains);
    }

    private static IEnumerable<string> Declared(StatementSyntax statement) =>
        statement is LocalDeclarationStatementSyntax local
            ? local.Declaration.Variables.Select(v => v.Identifier.ValueText)
            : statement is LocalFunctionStatementSyntax function ? [function.Identifier.ValueText] : [];

    /// <summary>A string literal's value, or null for the null literal; false for anything else.</summary>
    private static bool Text(ExpressionSyntax expression, out string? value)
    {
        value = expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
        return value is not null || expression.IsKind(SyntaxKind.NullLiteralExpression);
    }

    private static bool? Constant(ExpressionSyntax expression) =>
        expression.Kind() switch
        {
            SyntaxKind.TrueLiteralExpression => true,
            SyntaxKind.FalseLiteralExpression => false,
            SyntaxKind.ParenthesizedExpression => Constant(((ParenthesizedExpressionSyntax)expression).Expression),
            _ => null,
        };

    private static LiteralExpressionSyntax Literal(bool value, SyntaxNode replaced) =>
        FlagUses.Bool(value).WithTriviaFrom(replaced);
}
