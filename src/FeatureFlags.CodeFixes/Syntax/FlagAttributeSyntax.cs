using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.CodeFixes.Syntax;

/// <summary>Finds the <c>[Flag]</c> attribute of a flag constant in source.</summary>
internal static class FlagAttributeSyntax
{
    /// <summary>The <c>[Flag]</c> attribute on the field declaration around <paramref name="node"/>, or null.</summary>
    public static AttributeSyntax? Find(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var field = node.FirstAncestorOrSelf<FieldDeclarationSyntax>();
        if (field == null)
        {
            return null;
        }

        foreach (var list in field.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                // Bound, not matched by name: an alias or a user type called Flag must not fool the fix.
                if (semanticModel.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                    && constructor.ContainingType.ToDisplayString() == FlagDeclarationShape.FlagAttributeMetadataName)
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    /// <summary>The <c>Expires = ...</c> argument of the attribute, or null.</summary>
    public static AttributeArgumentSyntax? ExpiresArgument(AttributeSyntax attribute)
    {
        if (attribute.ArgumentList == null)
        {
            return null;
        }

        foreach (var argument in attribute.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == FlagDeclarationShape.Expires)
            {
                return argument;
            }
        }

        return null;
    }
}
