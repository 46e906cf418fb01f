using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FeatureFlags.Validation;
using Microsoft.CodeAnalysis;

namespace FeatureFlags.Analyzers.Model;

/// <summary>
/// Every flag a compilation can see: the catalogs in its source and in referenced assemblies that
/// reference FeatureFlags. Built once per compilation and shared by all the rules; thread-safe.
/// </summary>
internal sealed class CompilationFlags
{
    private const string RuntimeAssemblyName = "FeatureFlags";

    // One model per compilation, whichever analyzer asks first; the compilation owns its lifetime. The table
    // may run its callback once per racing thread, and the rules' start actions race, so the callback only
    // makes a Lazy: the model itself is built once and the other rules wait for it.
    private static readonly ConditionalWeakTable<Compilation, Lazy<CompilationFlags>> Cache = new();
    private static readonly ConditionalWeakTable<Compilation, Lazy<CompilationFlags>>.CreateValueCallback Factory =
        compilation => new Lazy<CompilationFlags>(() => Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<IFieldSymbol, FlagDeclaration> _byField = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, FlagDeclaration>> _byCatalog = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, List<FlagDeclaration>> _byDeclaringType = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, List<FlagDeclaration>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _flagNameParameters = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _flagNameAttribute;
    private readonly Func<IParameterSymbol, bool> _hasFlagNameAttribute;
    private readonly List<IAssemblySymbol> _flagAssemblies = new();
    private readonly Lazy<NameIndex> _names;

    private CompilationFlags(Compilation compilation)
    {
        var declarations = new List<FlagDeclaration>();
        Declarations = declarations;
        _hasFlagNameAttribute = HasFlagNameAttribute;
        _names = new Lazy<NameIndex>(() => new NameIndex(compilation, this, _flagAssemblies), LazyThreadSafetyMode.ExecutionAndPublication);

        // Asking the runtime assembly directly: Compilation.GetTypeByMetadataName would open the
        // metadata of every referenced assembly (the whole framework) to rule out duplicates.
        var runtime = FindRuntime(compilation);
        var flagAttribute = runtime?.GetTypeByMetadataName(FlagDeclarationShape.FlagAttributeMetadataName);
        var catalogAttribute = runtime?.GetTypeByMetadataName(FlagDeclarationShape.CatalogAttributeMetadataName);
        _flagNameAttribute = runtime?.GetTypeByMetadataName(FlagDeclarationShape.FlagNameAttributeMetadataName);
        if (flagAttribute == null || catalogAttribute == null)
        {
            return;
        }

        var finder = new CatalogFinder(flagAttribute, catalogAttribute, declarations);
        finder.VisitNamespace(compilation.Assembly.GlobalNamespace);
        if (!SymbolEqualityComparer.Default.Equals(runtime, compilation.Assembly))
        {
            _flagAssemblies.Add(runtime!);
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            // Only assemblies built against FeatureFlags can declare catalogs: skip the framework cheaply.
            if (ReferencesRuntime(assembly))
            {
                _flagAssemblies.Add(assembly);
                finder.VisitNamespace(assembly.GlobalNamespace);
            }
        }

        foreach (var declaration in declarations)
        {
            _byField[declaration.Field] = declaration;
            if (!_byCatalog.TryGetValue(declaration.Catalog, out var members))
            {
                _byCatalog[declaration.Catalog] = members = new Dictionary<string, FlagDeclaration>(StringComparer.Ordinal);
            }

            members[declaration.Field.Name] = declaration;
            if (!_byDeclaringType.TryGetValue(declaration.Field.ContainingType, out var declared))
            {
                _byDeclaringType[declaration.Field.ContainingType] = declared = new List<FlagDeclaration>();
            }

            declared.Add(declaration);
            if (!_byName.TryGetValue(declaration.Name, out var sameName))
            {
                _byName[declaration.Name] = sameName = new List<FlagDeclaration>();
            }

            sameName.Add(declaration);
        }
    }

    /// <summary>All declarations, source first, then referenced assemblies.</summary>
    public IReadOnlyList<FlagDeclaration> Declarations { get; }

    public IEnumerable<string> DeclaredNames => _byName.Keys;

    /// <summary>
    /// Names for the syntactic prefilters of the use rules, collected on first use (only when some rule
    /// has something to look for) from source and from the assemblies that can see the flags.
    /// </summary>
    public NameIndex Names => _names.Value;

    public static CompilationFlags For(Compilation compilation) => Cache.GetValue(compilation, Factory).Value;

    public FlagDeclaration? FindByField(IFieldSymbol field) =>
        _byField.TryGetValue(field.OriginalDefinition, out var declaration) ? declaration : null;

    /// <summary>
    /// The flags a class declares directly (not in its nested classes), or null. Declaration rules run
    /// once per class rather than once per field: a named-type action per catalog class costs the
    /// analyzer driver far less than a symbol action on every field of the compilation.
    /// </summary>
    public IReadOnlyList<FlagDeclaration>? FindByDeclaringType(INamedTypeSymbol type) =>
        _byDeclaringType.TryGetValue(type, out var declarations) ? declarations : null;

    /// <summary>Every declaration of a name, ignoring case as configuration does; null when none.</summary>
    public IReadOnlyList<FlagDeclaration>? FindByName(string name) =>
        _byName.TryGetValue(name, out var declarations) ? declarations : null;

    /// <summary>
    /// The flag a generated member stands for: a member of a type nested in a catalog
    /// (<c>Flags.Keys.NewCheckout</c>, <c>Flags.View.NewCheckout</c>, <c>NewCheckoutVariant</c>, <c>NewCheckoutValue</c>)
    /// whose name is the flag constant's name.
    /// </summary>
    public FlagDeclaration? FindByGeneratedMember(ISymbol member)
    {
        var catalog = member.ContainingType?.ContainingType;
        if (catalog == null || !_byCatalog.TryGetValue(catalog.OriginalDefinition, out var members))
        {
            return null;
        }

        if (members.TryGetValue(member.Name, out var declaration))
        {
            return declaration;
        }

        foreach (var suffix in new[] { FlagDeclarationShape.VariantSuffix, FlagDeclarationShape.ValueSuffix })
        {
            if (member.Name.EndsWith(suffix, StringComparison.Ordinal)
                && members.TryGetValue(member.Name.Substring(0, member.Name.Length - suffix.Length), out declaration))
            {
                return declaration;
            }
        }

        return null;
    }

    /// <summary>Whether the parameter, or the one it overrides or implements, carries <c>[FlagName]</c>.</summary>
    public bool IsFlagNameParameter(IParameterSymbol parameter) =>
        _flagNameAttribute != null && _flagNameParameters.GetOrAdd(parameter, _hasFlagNameAttribute);

    // [FlagName] is inherited: a parameter counts when the method it overrides or the interface
    // method it implements has the attribute, so calls through a concrete snapshot type are checked.
    private bool HasFlagNameAttribute(IParameterSymbol parameter)
    {
        var current = parameter.OriginalDefinition;
        if (IsMarked(current))
        {
            return true;
        }

        if (current.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        var ordinal = current.Ordinal;
        for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
        {
            if (ordinal < overridden.Parameters.Length && IsMarked(overridden.Parameters[ordinal]))
            {
                return true;
            }
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            if (ordinal < implemented.Parameters.Length && IsMarked(implemented.Parameters[ordinal]))
            {
                return true;
            }
        }

        var type = method.ContainingType;
        foreach (var candidateInterface in type.AllInterfaces)
        {
            foreach (var member in candidateInterface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol interfaceMethod
                    && ordinal < interfaceMethod.Parameters.Length
                    && IsMarked(interfaceMethod.Parameters[ordinal])
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMethod), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the parameter itself carries <c>[FlagName]</c> (not through a base member).</summary>
    public bool IsMarkedFlagName(IParameterSymbol parameter) => _flagNameAttribute != null && IsMarked(parameter);

    private bool IsMarked(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _flagNameAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static CompilationFlags Create(Compilation compilation) => new(compilation);

    private static IAssemblySymbol? FindRuntime(Compilation compilation)
    {
        if (compilation.Assembly.Name == RuntimeAssemblyName)
        {
            return compilation.Assembly;
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == RuntimeAssemblyName)
            {
                return assembly;
            }
        }

        return null;
    }

    private static bool ReferencesRuntime(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == RuntimeAssemblyName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
