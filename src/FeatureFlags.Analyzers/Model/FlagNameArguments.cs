using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.Analyzers.Model;

/// <summary>
/// Finds constant strings passed to <c>[FlagName]</c> parameters from syntax-node callbacks, in three
/// steps from cheapest to dearest: the argument's syntax must be able to hold an interesting constant
/// (<see cref="ConstantSyntax"/>), the called name must be one that has a <c>[FlagName]</c> parameter
/// somewhere (<see cref="NameIndex"/>), and only then the semantic model binds the call. No operation
/// trees are built, so a build pays nothing for method bodies that pass no candidate argument. The rules
/// walk each tree themselves from a semantic-model action: per-node callbacks of the analyzer driver
/// cost more (about 5 MB per compile of the benchmark project) than the whole walk.
/// </summary>
internal static class FlagNameArguments
{
    /// <summary>
    /// The constant flag name passed by <paramref name="node"/>, when it is an argument, to a <c>[FlagName]</c>
    /// parameter and <paramref name="isInteresting"/> accepts the name; otherwise null.
    /// </summary>
    public static string? Find(SyntaxNode node, SemanticModel semanticModel, CompilationFlags model, Func<string, bool> isInteresting, out ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        string? name;
        SyntaxNode? call;
        switch (node)
        {
            case ArgumentSyntax argument:
                expression = argument.Expression;
                call = argument.Parent?.Parent;
                break;
            case AttributeArgumentSyntax attributeArgument when attributeArgument.NameEquals == null:
                // Named property assignments (Flag = "x") are not constructor parameters.
                expression = attributeArgument.Expression;
                call = attributeArgument.Parent?.Parent;
                break;
            default:
                expression = null!;
                return null;
        }

        var names = model.Names;
        var guess = ConstantSyntax.Guess(expression, names, out name);
        if (guess == ConstantGuess.NotConstant
            || (guess == ConstantGuess.Known && !isInteresting(name!))
            || call == null
            || !MayTakeFlagName(call, names))
        {
            return null;
        }

        if (!expression.IsKind(SyntaxKind.StringLiteralExpression))
        {
            name = semanticModel.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null;
            if (name == null || !isInteresting(name))
            {
                return null;
            }
        }

        var parameter = FindParameter(semanticModel, node, call, cancellationToken);

        return parameter != null && TakesString(parameter) && model.IsFlagNameParameter(parameter)
            ? name
            : null;
    }

    /// <summary>
    /// A string parameter, or a params array of strings: a constant string given for the latter is one of
    /// its elements (expanded form), since a string is never the array itself.
    /// </summary>
    private static bool TakesString(IParameterSymbol parameter) =>
        (parameter.IsParams ? (parameter.Type as IArrayTypeSymbol)?.ElementType : parameter.Type)?.SpecialType == SpecialType.System_String;

    private static bool MayTakeFlagName(SyntaxNode call, NameIndex names)
    {
        switch (call)
        {
            case InvocationExpressionSyntax invocation:
                var callee = NameIndex.RightmostName(invocation.Expression);
                return callee == null
                    || names.AnyFlagNameDelegate
                    || names.MayTakeFlagName(callee)
                    || names.IsFlagNameLocalFunction(call.SyntaxTree, callee);
            case ObjectCreationExpressionSyntax creation:
                return NameIndex.RightmostName(creation.Type) is not { } type || names.MayTakeFlagName(type);
            case ImplicitObjectCreationExpressionSyntax:
            case ConstructorInitializerSyntax:
            case PrimaryConstructorBaseTypeSyntax:
                return names.AnyFlagNameConstructor;
            case ElementAccessExpressionSyntax:
            case ElementBindingExpressionSyntax:
                return names.MayTakeFlagName(NameIndex.IndexerName);
            case AttributeSyntax attribute:
                return NameIndex.RightmostName(attribute.Name) is not { } attributeName
                    || names.MayTakeFlagName(attributeName)
                    || names.MayTakeFlagName(attributeName + "Attribute");
            default:
                // Tuples, and anything else that has arguments but calls nothing.
                return false;
        }
    }

    private static IParameterSymbol? FindParameter(SemanticModel semanticModel, SyntaxNode argument, SyntaxNode call, CancellationToken cancellationToken)
    {
        var parameters = semanticModel.GetSymbolInfo(call, cancellationToken).Symbol switch
        {
            IMethodSymbol method => method.Parameters,
            IPropertySymbol property => property.Parameters,
            _ => ImmutableArray<IParameterSymbol>.Empty,
        };
        if (parameters.IsEmpty)
        {
            return null;
        }

        var explicitName = argument switch
        {
            ArgumentSyntax a => a.NameColon?.Name.Identifier.ValueText,
            AttributeArgumentSyntax a => a.NameColon?.Name.Identifier.ValueText,
            _ => null,
        };
        if (explicitName != null)
        {
            foreach (var parameter in parameters)
            {
                if (parameter.Name == explicitName)
                {
                    return parameter;
                }
            }

            return null;
        }

        var index = argument.Parent is BaseArgumentListSyntax list ? list.Arguments.IndexOf((ArgumentSyntax)argument)
            : argument.Parent is AttributeArgumentListSyntax attributeList ? attributeList.Arguments.IndexOf((AttributeArgumentSyntax)argument)
            : -1;
        if (index < 0)
        {
            return null;
        }

        return index < parameters.Length ? parameters[index] : parameters[parameters.Length - 1] is { IsParams: true } last ? last : null;
    }
}
