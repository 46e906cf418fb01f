using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FeatureFlags.Generators.Model;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.Generators;

/// <summary>Turns one <c>[FlagCatalog]</c> class symbol into a <see cref="CatalogModel"/>. Symbols never leave this class.</summary>
internal static class CatalogParser
{

    /// <summary>The members the generator adds; a flag field or catalog member with one of these names would collide.</summary>
    public static readonly ImmutableArray<string> GeneratedMemberNames = ImmutableArray.Create("Catalog", "Keys", "View", "For");

    /// <summary>The generated View's own members; a flag's typed property of the same name would collide with one.</summary>
    public static readonly ImmutableArray<string> ViewMemberNames = ImmutableArray.Create("Snapshot", "_snapshot", "Uninitialized");

    /// <summary>What <c>Keys</c> and <c>View</c> inherit from <see cref="object"/>; a member of that name would hide it (CS0108).</summary>
    public static readonly ImmutableArray<string> InheritedMemberNames =
        ImmutableArray.Create("Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize");

    public static CatalogModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var catalog = (INamedTypeSymbol)context.TargetSymbol;
        var compilation = context.SemanticModel.Compilation;
        var location = LocationInfo.From(context.TargetNode is TypeDeclarationSyntax c ? c.Identifier.GetLocation() : context.TargetNode.GetLocation());
        var displayName = catalog.ToDisplayString();
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        var canGenerate = true;

        var notPartial = NonPartialType(catalog);
        if (notPartial is not null)
        {
            var reason = SymbolEqualityComparer.Default.Equals(notPartial, catalog)
                ? "declare it partial"
                : $"declare its containing type '{notPartial.ToDisplayString()}' partial";
            diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.CatalogNotPartial, location, displayName, reason));
            canGenerate = false;
        }

        foreach (var name in GeneratedMemberNames)
        {
            if (catalog.GetMembers(name).Any(m => !m.IsImplicitlyDeclared))
            {
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.MemberNameTaken, location, displayName, name));
                canGenerate = false;
            }
        }

        var flags = ImmutableArray.CreateBuilder<EmittedFlag>();
        var typedNames = new HashSet<string>(GeneratedMemberNames.Concat(ViewMemberNames).Concat(InheritedMemberNames));
        var flagDiagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        CollectFlags(catalog, catalog, compilation, flags, typedNames, flagDiagnostics, cancellationToken);
        // Without generated members, a flag missing its typed member is no news; a bad name always is.
        diagnostics.AddRange(flagDiagnostics.Where(d => canGenerate || d.Descriptor != GeneratorDiagnostics.NoTypedMember));

        return new CatalogModel(
            HintName: HintName(catalog),
            Namespace: catalog.ContainingNamespace.IsGlobalNamespace ? null : catalog.ContainingNamespace.ToDisplayString(),
            Types: new EquatableArray<ContainingTypeModel>(TypeChain(catalog)),
            CatalogName: MetadataFullName(catalog),
            Flags: new EquatableArray<EmittedFlag>(flags.ToImmutable()),
            Diagnostics: new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutable()),
            CanGenerate: canGenerate);
    }

    /// <summary>Walks the class's const fields, then its nested types, in declaration order, as <c>FlagCatalog.FromType</c> does.</summary>
    private static void CollectFlags(
        INamedTypeSymbol type,
        INamedTypeSymbol catalog,
        Compilation compilation,
        ImmutableArray<EmittedFlag>.Builder flags,
        HashSet<string> typedNames,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            var attribute = FlagAttributeOf(field);
            if (attribute is null || !field.IsConst || field.ConstantValue is not string name)
            {
                continue;
            }

            if (!FlagRules.IsValidFlagName(name))
            {
                // Left out of the generated code, which would otherwise throw when the catalog is first used.
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.InvalidFlagName, LocationInfo.From(field.Locations.FirstOrDefault()), field.Name, FlagRules.InvalidNameMessage(name)));
                continue;
            }

            var hasTypedMembers = true;
            string? collision = null;
            var variantType = VariantTypeOf(attribute, catalog, compilation);
            if (GeneratedMemberNames.Contains(field.Name))
            {
                collision = "the name is one of the generated members (Catalog, Keys, View, For)";
            }
            else if (ViewMemberNames.Contains(field.Name))
            {
                collision = "the name is one of the generated View's own members (Snapshot, _snapshot, Uninitialized)";
            }
            else if (InheritedMemberNames.Contains(field.Name))
            {
                collision = "the name is a member every type inherits from object, which a generated member would hide";
            }
            else if (!typedNames.Add(field.Name))
            {
                collision = "another flag field of the catalog has the same name";
            }
            else if (IsExperiment(attribute) && !typedNames.Add(field.Name + FlagDeclarationShape.VariantSuffix))
            {
                collision = $"another flag field is named '{field.Name}{FlagDeclarationShape.VariantSuffix}'";
            }
            else if (variantType is not null && !typedNames.Add(field.Name + FlagDeclarationShape.ValueSuffix))
            {
                collision = $"another flag field is named '{field.Name}{FlagDeclarationShape.ValueSuffix}'";
            }

            if (collision is not null)
            {
                hasTypedMembers = false;
                var fieldLocation = LocationInfo.From(field.Locations.FirstOrDefault());
                diagnostics.Add(new DiagnosticInfo(GeneratorDiagnostics.NoTypedMember, fieldLocation, field.Name, collision));
            }

            flags.Add(new EmittedFlag(
                MemberName: field.Name,
                NameExpression: compilation.IsSymbolAccessibleWithin(field, catalog)
                    ? field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Identifier(field.Name)
                    : SymbolDisplay.FormatLiteral(name, quote: true),
                Name: name,
                Kind: attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int kind ? kind : 0,
                Expires: NormalizeDate(NamedString(attribute, FlagDeclarationShape.Expires)),
                Owner: NamedString(attribute, FlagDeclarationShape.Owner),
                Description: NamedString(attribute, FlagDeclarationShape.Description),
                RemovalIssue: NamedString(attribute, FlagDeclarationShape.RemovalIssue),
                Default: attribute.NamedArguments.Any(a => a.Key == FlagDeclarationShape.Default && a.Value.Value is true),
                VariantType: variantType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                VariantTypeIsReference: variantType?.IsReferenceType == true,
                HasTypedMembers: hasTypedMembers));
        }

        foreach (var nested in type.GetTypeMembers())
        {
            CollectFlags(nested, catalog, compilation, flags, typedNames, diagnostics, cancellationToken);
        }
    }

    /// <summary>Escapes a name that is a C# keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static AttributeData? FlagAttributeOf(IFieldSymbol field) =>
        field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == FlagDeclarationShape.FlagAttributeMetadataName);

    private static bool IsExperiment(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int kind && FlagDeclarationShape.IsExperiment(kind);

    /// <summary>The declared <c>VariantType</c>, when it names a type the generated catalog can use.</summary>
    private static ITypeSymbol? VariantTypeOf(AttributeData attribute, INamedTypeSymbol catalog, Compilation compilation)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == FlagDeclarationShape.VariantType
                && argument.Value.Value is ITypeSymbol type
                && type.TypeKind != TypeKind.Error
                && !(type is INamedTypeSymbol { IsUnboundGenericType: true })
                && compilation.IsSymbolAccessibleWithin(type, catalog))
            {
                return type;
            }
        }

        return null;
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }

    /// <summary>A malformed date yields null: FF0004 is the analyzers' error for it, and the catalog then has no expiry.</summary>
    private static string? NormalizeDate(string? value) =>
        IsoDate.TryParse(value, out var date) ? IsoDate.ToText(date) : null;

    private static INamedTypeSymbol? NonPartialType(INamedTypeSymbol catalog)
    {
        for (var type = catalog; type is not null; type = type.ContainingType)
        {
            var isPartial = type.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial || type.DeclaringSyntaxReferences.Length == 0)
            {
                return type;
            }
        }

        return null;
    }

    private static ImmutableArray<ContainingTypeModel> TypeChain(INamedTypeSymbol catalog)
    {
        var chain = new List<ContainingTypeModel>();
        for (var type = catalog; type is not null; type = type.ContainingType)
        {
            var keyword = type switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            var name = Identifier(type.Name);
            if (type.TypeParameters.Length > 0)
            {
                name += "<" + string.Join(", ", type.TypeParameters.Select(p => Identifier(p.Name))) + ">";
            }

            chain.Insert(0, new ContainingTypeModel(keyword, name));
        }

        return chain.ToImmutableArray();
    }

    /// <summary>The name reflection gives the type (<c>Type.FullName</c>): namespace, then nested types joined by '+'.</summary>
    private static string MetadataFullName(INamedTypeSymbol catalog)
    {
        var name = catalog.MetadataName;
        for (var type = catalog.ContainingType; type is not null; type = type.ContainingType)
        {
            name = type.MetadataName + "+" + name;
        }

        return catalog.ContainingNamespace.IsGlobalNamespace ? name : catalog.ContainingNamespace.ToDisplayString() + "." + name;
    }

    private static string HintName(INamedTypeSymbol catalog)
    {
        var name = MetadataFullName(catalog).Replace('+', '.').Replace('`', '_');
        return name + ".FlagCatalog.g.cs";
    }
}
