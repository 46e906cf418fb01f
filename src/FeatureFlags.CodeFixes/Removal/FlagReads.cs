using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.CodeFixes.Removal;

/// <summary>
/// Finds the reads of one flag in a document and replaces each with the value the flag keeps: <c>IsEnabled</c> calls on
/// a snapshot or reader given the flag's constant, its name, its generated key or a <c>FlagKey</c> of it, and the
/// generated view's property for it.
/// </summary>
internal sealed class FlagReads
{
    private readonly RemovedFlag _flag;
    private readonly SemanticModel _model;

    public FlagReads(RemovedFlag flag, SemanticModel model)
    {
        _flag = flag;
        _model = model;
    }

    /// <summary>The outermost reads in <paramref name="root"/>: replacing them replaces any read inside them too.</summary>
    public List<ExpressionSyntax> Find(SyntaxNode root, CancellationToken cancellationToken)
    {
        var reads = new List<ExpressionSyntax>();
        foreach (var node in root.DescendantNodes(n => !(n is ExpressionSyntax e && reads.Contains(e))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is InvocationExpressionSyntax invocation && IsRead(invocation, cancellationToken))
            {
                reads.Add(invocation);
            }
            else if (node is MemberAccessExpressionSyntax access
                && access.Name.Identifier.ValueText == _flag.MemberName
                && _model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { Type.SpecialType: SpecialType.System_Boolean, ContainingType.Name: "View" } property
                && IsInCatalog(property.ContainingType))
            {
                reads.Add(access);
            }
        }

        return reads;
    }

    /// <summary>Whether <paramref name="expression"/> names the flag: its constant or name, its generated key, a <c>FlagKey</c> of it.</summary>
    public bool NamesFlag(ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (_model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string name })
        {
            return string.Equals(name, _flag.Name, StringComparison.OrdinalIgnoreCase);
        }

        if (expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation
            && _model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString() == "FeatureFlags.FlagKey")
        {
            return NamesFlag(creation.ArgumentList.Arguments[0].Expression, cancellationToken);
        }

        return _model.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol { ContainingType.Name: "Keys" } key
            && key.Name == _flag.MemberName
            && key.Type.ToDisplayString() == "FeatureFlags.FlagKey"
            && IsInCatalog(key.ContainingType);
    }

    private bool IsRead(InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsEnabled" }
        && _model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ReturnType.SpecialType: SpecialType.System_Boolean } method
        && method.ContainingNamespace?.ToDisplayString() is "FeatureFlags" or "FeatureFlags.Testing"
        && invocation.ArgumentList.Arguments.Count >= 1
        && NamesFlag(invocation.ArgumentList.Arguments[0].Expression, cancellationToken);

    // A generated member's type is nested in the catalog class that declares the flag.
    private bool IsInCatalog(INamedTypeSymbol type) => type.ContainingType?.ToDisplayString() == _flag.CatalogName;

    /// <summary>The literal a read becomes.</summary>
    public static LiteralExpressionSyntax Literal(bool value) =>
        SyntaxFactory.LiteralExpression(value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
}
