using Microsoft.CodeAnalysis;

namespace FeatureFlags.Analyzers.Model;

/// <summary>
/// Walks namespaces for <c>[FlagCatalog]</c> classes (nested ones too) and collects their <c>[Flag]</c>
/// constants, including those in classes nested in a catalog, as the runtime's catalog reader does.
/// </summary>
internal sealed class CatalogFinder
{
    private readonly INamedTypeSymbol _flagAttribute;
    private readonly INamedTypeSymbol _catalogAttribute;
    private readonly List<FlagDeclaration> _declarations;

    public CatalogFinder(INamedTypeSymbol flagAttribute, INamedTypeSymbol catalogAttribute, List<FlagDeclaration> declarations)
    {
        _flagAttribute = flagAttribute;
        _catalogAttribute = catalogAttribute;
        _declarations = declarations;
    }

    public void VisitNamespace(INamespaceSymbol ns) => TypeWalk.EachNamespaceType(ns, VisitType);

    private void VisitType(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return;
        }

        if (Has(type, _catalogAttribute))
        {
            CollectFlags(type, type);
            return;
        }

        foreach (var nested in type.GetTypeMembers())
        {
            VisitType(nested);
        }
    }

    private void CollectFlags(INamedTypeSymbol catalog, INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string name } field)
            {
                foreach (var attribute in field.GetAttributes())
                {
                    if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _flagAttribute))
                    {
                        _declarations.Add(new FlagDeclaration(field, catalog, name, attribute));
                        break;
                    }
                }
            }
            else if (member is INamedTypeSymbol nested && nested.TypeKind == TypeKind.Class)
            {
                CollectFlags(catalog, nested);
            }
        }
    }

    private static bool Has(ISymbol symbol, INamedTypeSymbol attributeClass)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return true;
            }
        }

        return false;
    }
}
