using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.Analyzers.Model;

/// <summary>One <c>[Flag]</c> constant of a catalog, from source or from a referenced assembly's metadata.</summary>
internal sealed class FlagDeclaration
{
    public FlagDeclaration(IFieldSymbol field, INamedTypeSymbol catalog, string name, AttributeData attribute)
    {
        Field = field;
        Catalog = catalog;
        Name = name;
        Attribute = attribute;
        var kind = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int k ? k : -1;
        KindName = FlagDeclarationShape.KindName(kind);
        IsTemporary = FlagDeclarationShape.IsTemporary(kind);

        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case FlagDeclarationShape.Expires:
                    ExpiresText = argument.Value.Value as string;
                    break;
                case FlagDeclarationShape.Owner:
                    Owner = argument.Value.Value as string;
                    break;
                case FlagDeclarationShape.RemovalIssue:
                    RemovalIssue = argument.Value.Value as string;
                    break;
            }
        }

        DateTime date;
        Expires = IsoDate.TryParse(ExpiresText, out date) ? date : (DateTime?)null;
    }

    /// <summary>The <c>const string</c> field.</summary>
    public IFieldSymbol Field { get; }

    /// <summary>The <c>[FlagCatalog]</c> class that declares the flag (directly or in a nested class).</summary>
    public INamedTypeSymbol Catalog { get; }

    /// <summary>The flag's name: the constant's value.</summary>
    public string Name { get; }

    public AttributeData Attribute { get; }

    /// <summary>"Release", "Experiment", "Ops", "Permission", or null for a value outside the enum.</summary>
    public string? KindName { get; }

    public bool IsTemporary { get; }

    /// <summary>The Expires text as written, or null when absent.</summary>
    public string? ExpiresText { get; }

    public string? Owner { get; }

    public string? RemovalIssue { get; }

    /// <summary>" (owner: x; removal: y)" for messages, or an empty string when neither is given.</summary>
    public string OwnerNote
    {
        get
        {
            var parts = new List<string>(2);
            if (!string.IsNullOrWhiteSpace(Owner))
            {
                parts.Add("owner: " + Owner);
            }

            if (!string.IsNullOrWhiteSpace(RemovalIssue))
            {
                parts.Add("removal: " + RemovalIssue);
            }

            return parts.Count == 0 ? string.Empty : " (" + string.Join("; ", parts) + ")";
        }
    }

    /// <summary>The parsed expiry date, or null when absent or malformed.</summary>
    public DateTime? Expires { get; }

    /// <summary>How diagnostics name the declaration: <c>Catalog.Field</c>.</summary>
    public string DisplayName => Field.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + Field.Name;

    /// <summary>The flag's identifier in source, for declaration diagnostics.</summary>
    public Location Location => Field.Locations.Length > 0 ? Field.Locations[0] : Location.None;

    /// <summary>The <c>Expires = "..."</c> value in source, falling back to the field.</summary>
    public Location ExpiresLocation(CancellationToken cancellationToken)
    {
        if (Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax && syntax.ArgumentList != null)
        {
            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == FlagDeclarationShape.Expires)
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return Location;
    }
}
