using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.Analyzers.Model;

/// <summary>
/// Guesses the constant string value of an argument from its syntax and the compilation's
/// <see cref="NameIndex"/>, so that the semantic model is asked only when the answer could matter.
/// A guess is never wrong in the direction that would hide a diagnostic, except for the case documented
/// in docs/rules/FF0005.md: a constant declared in an assembly that does not reference FeatureFlags whose
/// name is also a flag constant's or another member's name in the project.
/// </summary>
internal static class ConstantSyntax
{
    public static ConstantGuess Guess(ExpressionSyntax expression, NameIndex names, out string? value)
    {
        value = null;
        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                if (literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    value = literal.Token.ValueText;
                    return ConstantGuess.Known;
                }

                return literal.IsKind(SyntaxKind.DefaultLiteralExpression) ? ConstantGuess.NotConstant : ConstantGuess.Unknown;
            case ParenthesizedExpressionSyntax parenthesized:
                return Guess(parenthesized.Expression, names, out value);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                var left = Guess(binary.Left, names, out var leftValue);
                var right = Guess(binary.Right, names, out var rightValue);
                if (left == ConstantGuess.NotConstant || right == ConstantGuess.NotConstant)
                {
                    return ConstantGuess.NotConstant;
                }

                if (left == ConstantGuess.Known && right == ConstantGuess.Known)
                {
                    value = leftValue + rightValue;
                    return ConstantGuess.Known;
                }

                return ConstantGuess.Unknown;
            case InvocationExpressionSyntax invocation:
                return GuessNameof(invocation, out value);
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                return GuessMember(access.Name.Identifier.ValueText, names, qualified: true, out value);
            case IdentifierNameSyntax identifier:
                // A bare name may be a local constant or a parameter: the semantic model decides.
                return GuessMember(identifier.Identifier.ValueText, names, qualified: false, out value);
            case CastExpressionSyntax:
            case PostfixUnaryExpressionSyntax:
            case CheckedExpressionSyntax:
            case ConditionalExpressionSyntax:
            case InterpolatedStringExpressionSyntax:
            case DefaultExpressionSyntax:
                return ConstantGuess.Unknown;
            default:
                // Calls, creations, lambdas, element accesses, awaits, ?., ??, switch expressions: never constants.
                return ConstantGuess.NotConstant;
        }
    }

    private static ConstantGuess GuessMember(string name, NameIndex names, bool qualified, out string? value)
    {
        value = names.FlagValueOfFieldName(name);
        if (value != null)
        {
            // `Flags.NewCheckout` (or a generated member of that name): the flag's name, or no constant.
            return qualified ? ConstantGuess.Known : ConstantGuess.Unknown;
        }

        return qualified && names.IsNonConstMemberName(name) ? ConstantGuess.NotConstant : ConstantGuess.Unknown;
    }

    // nameof(A.B) is the constant "B"; an invocation of anything else is no constant.
    private static ConstantGuess GuessNameof(InvocationExpressionSyntax invocation, out string? value)
    {
        value = null;
        if (invocation.Expression is not IdentifierNameSyntax { Identifier.ValueText: "nameof" } || invocation.ArgumentList.Arguments.Count != 1)
        {
            return ConstantGuess.NotConstant;
        }

        value = NameIndex.RightmostName(invocation.ArgumentList.Arguments[0].Expression);
        return value != null ? ConstantGuess.Known : ConstantGuess.Unknown;
    }
}
