using System;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Analyzers.Model;

/// <summary>Visits the types of a namespace tree; nested types are the visitor's business.</summary>
internal static class TypeWalk
{
    public static void EachNamespaceType(INamespaceSymbol ns, Action<INamedTypeSymbol> visit)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                EachNamespaceType(child, visit);
            }
            else if (member is INamedTypeSymbol type)
            {
                visit(type);
            }
        }
    }
}
