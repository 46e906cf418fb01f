using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FeatureFlags.Analyzers.Model;

/// <summary>
/// Names, collected once per compilation, that let the use rules (FF0001, FF0005) decide from syntax
/// alone that most arguments and identifiers cannot matter, so that the semantic model is asked only
/// about the few that can. Looking a name up is a hash lookup; nothing here binds a method body.
/// Built lazily by <see cref="CompilationFlags"/>, immutable afterwards except for a per-tree cache; thread-safe.
/// </summary>
internal sealed class NameIndex
{
    private const string AttributeSuffix = "Attribute";
    private const string FlagNameText = "FlagName";

    /// <summary>Roslyn's name for every indexer, used as the "invoked name" of an element access.</summary>
    public const string IndexerName = "this[]";

    private readonly HashSet<string> _flagNameCallees = new(StringComparer.Ordinal);
    private readonly HashSet<string> _constNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _otherConstNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _flagValueByFieldName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, HashSet<string>> _localFunctionsByTree = new();
    private readonly Func<SyntaxTree, HashSet<string>> _scanTree = ScanTreeForLocalFunctions;
    private readonly CompilationFlags _model;

    public NameIndex(Compilation compilation, CompilationFlags model, IEnumerable<IAssemblySymbol> flagAssemblies)
    {
        _model = model;
        foreach (var declaration in model.Declarations)
        {
            var name = declaration.Field.Name;

            // Two catalogs may declare constants of one name with different values: then the name alone says nothing.
            _flagValueByFieldName[name] = _flagValueByFieldName.TryGetValue(name, out var existing) && existing != declaration.Name
                ? null
                : declaration.Name;
        }

        VisitNamespace(compilation.Assembly.GlobalNamespace);
        foreach (var assembly in flagAssemblies)
        {
            VisitNamespace(assembly.GlobalNamespace);
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            AddAliases(tree.GetRoot());
        }
    }

    /// <summary>Some delegate type has a <c>[FlagName]</c> parameter: any invocation may be a call of it.</summary>
    public bool AnyFlagNameDelegate { get; private set; }

    /// <summary>Some constructor has a <c>[FlagName]</c> parameter: <c>new(...)</c> and <c>base(...)</c> may call it.</summary>
    public bool AnyFlagNameConstructor { get; private set; }

    /// <summary>
    /// Whether a method, constructor (by its type's name or an alias of it), indexer or attribute of this
    /// name may have a <c>[FlagName]</c> parameter. Overrides and implementations share the marked member's name.
    /// </summary>
    public bool MayTakeFlagName(string calleeName) => _flagNameCallees.Contains(calleeName);

    /// <summary>Whether a local function of this name with a <c>[FlagName]</c> parameter is declared in the tree.</summary>
    public bool IsFlagNameLocalFunction(SyntaxTree tree, string name) =>
        _localFunctionsByTree.GetOrAdd(tree, _scanTree).Contains(name);

    /// <summary>The value of the flag constant of this field name, when the name stands for no other constant.</summary>
    public string? FlagValueOfFieldName(string name) =>
        _flagValueByFieldName.TryGetValue(name, out var value) && value != null && !_otherConstNames.Contains(name) ? value : null;

    /// <summary>Some constant field of this name is declared in source or in an assembly that sees the flags.</summary>
    public bool IsConstName(string name) => _constNames.Contains(name);

    /// <summary>A member of this name, and no constant of it, is declared in source or in an assembly that sees the flags.</summary>
    public bool IsNonConstMemberName(string name) => _memberNames.Contains(name) && !_constNames.Contains(name);

    private void VisitNamespace(INamespaceSymbol ns) => TypeWalk.EachNamespaceType(ns, VisitType);

    private void VisitType(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return;
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            if (type.DelegateInvokeMethod != null && AnyMarked(type.DelegateInvokeMethod.Parameters))
            {
                AnyFlagNameDelegate = true;
            }

            return;
        }

        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol field when field.IsConst:
                    _constNames.Add(field.Name);
                    if (_model.FindByField(field) == null)
                    {
                        _otherConstNames.Add(field.Name);
                    }

                    break;
                case IMethodSymbol method:
                    _memberNames.Add(method.Name);
                    if (AnyMarked(method.Parameters))
                    {
                        if (method.MethodKind == MethodKind.Constructor)
                        {
                            AnyFlagNameConstructor = true;
                            _flagNameCallees.Add(type.Name);
                        }
                        else
                        {
                            _flagNameCallees.Add(method.Name);
                        }
                    }

                    break;
                case IPropertySymbol property:
                    _memberNames.Add(property.IsIndexer ? IndexerName : property.Name);
                    if (property.IsIndexer && AnyMarked(property.Parameters))
                    {
                        _flagNameCallees.Add(IndexerName);
                    }

                    break;
                case INamedTypeSymbol nested:
                    _memberNames.Add(nested.Name);
                    VisitType(nested);
                    break;
                default:
                    _memberNames.Add(member.Name);
                    break;
            }
        }
    }

    private bool AnyMarked(IEnumerable<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (_model.IsMarkedFlagName(parameter))
            {
                return true;
            }
        }

        return false;
    }

    // `using G = GateAttribute;` makes `[G(...)]` and `new G(...)` calls of a marked constructor.
    private void AddAliases(SyntaxNode root)
    {
        IEnumerable<UsingDirectiveSyntax> usings;
        IEnumerable<MemberDeclarationSyntax> members;
        switch (root)
        {
            case CompilationUnitSyntax unit:
                usings = unit.Usings;
                members = unit.Members;
                break;
            case BaseNamespaceDeclarationSyntax ns:
                usings = ns.Usings;
                members = ns.Members;
                break;
            default:
                return;
        }

        foreach (var directive in usings)
        {
            if (directive.Alias != null && directive.Name != null && RightmostName(directive.Name) is { } target
                && (_flagNameCallees.Contains(target) || (target.EndsWith(AttributeSuffix, StringComparison.Ordinal) && _flagNameCallees.Contains(target.Substring(0, target.Length - AttributeSuffix.Length)))))
            {
                _flagNameCallees.Add(directive.Alias.Name.Identifier.ValueText);
            }
        }

        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax)
            {
                AddAliases(member);
            }
        }
    }

    /// <summary>The last identifier of a name or member access (<c>A.B.C</c> gives <c>C</c>), or null.</summary>
    public static string? RightmostName(SyntaxNode? node) => node switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    // Local functions are not members, so the symbol walk cannot see them; only trees that mention
    // FlagName at all are walked, once each.
    private static HashSet<string> ScanTreeForLocalFunctions(SyntaxTree tree)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (tree.GetText().ToString().IndexOf(FlagNameText, StringComparison.Ordinal) < 0)
        {
            return names;
        }

        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is LocalFunctionStatementSyntax local && HasFlagNameAttribute(local.ParameterList))
            {
                names.Add(local.Identifier.ValueText);
            }
        }

        return names;
    }

    private static bool HasFlagNameAttribute(ParameterListSyntax parameters)
    {
        foreach (var parameter in parameters.Parameters)
        {
            foreach (var list in parameter.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (RightmostName(attribute.Name) is { } name && name.StartsWith(FlagNameText, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
