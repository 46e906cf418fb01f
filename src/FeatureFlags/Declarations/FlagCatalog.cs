using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using FeatureFlags.Validation;

namespace FeatureFlags;

/// <summary>
/// The flags one catalog class declares, with their metadata. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The source generator gives every <see cref="FlagCatalogAttribute"/> class a static <c>Catalog</c>
/// property built without reflection. <see cref="FromType"/> reads the same information by reflection,
/// for code that does not run the generator.
/// </remarks>
public sealed class FlagCatalog
{
    /// <summary>
    /// What reading a catalog class needs kept when an application is trimmed or compiled ahead of time: the
    /// generated <c>Catalog</c> property, and the flag constants of the class and its nested classes (the
    /// reflection fallback). Native AOT applications should rely on the generated property.
    /// </summary>
    internal const DynamicallyAccessedMemberTypes CatalogMembers = DynamicallyAccessedMemberTypes.PublicProperties | FlagMembers;

    private const DynamicallyAccessedMemberTypes FlagMembers =
        DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields
        | DynamicallyAccessedMemberTypes.PublicNestedTypes | DynamicallyAccessedMemberTypes.NonPublicNestedTypes;

    private static readonly ConcurrentDictionary<Type, FlagCatalog> ReflectedCatalogs = new();

    private readonly Dictionary<string, FlagDefinition> _byName;

    /// <summary>Creates a catalog from flag definitions.</summary>
    /// <param name="name">A name for the catalog, shown in errors: usually the catalog class's full name.</param>
    /// <param name="flags">The flags the catalog declares.</param>
    /// <exception cref="ArgumentException">Two definitions share one name.</exception>
    public FlagCatalog(string name, IEnumerable<FlagDefinition> flags)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(flags);

        Name = name;
        var list = new List<FlagDefinition>();
        _byName = new Dictionary<string, FlagDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var flag in flags)
        {
            ArgumentNullException.ThrowIfNull(flag, nameof(flags));
            if (!_byName.TryAdd(flag.Name, flag))
            {
                throw new ArgumentException($"The catalog '{name}' declares the flag '{flag.Name}' twice.", nameof(flags));
            }

            list.Add(flag);
        }

        Flags = list.AsReadOnly();
    }

    /// <summary>Gets the catalog's name.</summary>
    public string Name { get; }

    /// <summary>Gets the declared flags in declaration order.</summary>
    public IReadOnlyList<FlagDefinition> Flags { get; }

    /// <summary>Finds a declared flag by name, ignoring case as configuration does.</summary>
    /// <param name="name">The flag's name.</param>
    /// <returns>The definition, or <see langword="null"/> when the catalog does not declare the name.</returns>
    public FlagDefinition? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>
    /// Gets the catalog a class declares: its generated static <c>Catalog</c> property when the source
    /// generator ran, otherwise read by reflection. The result is cached per type.
    /// </summary>
    /// <typeparam name="TCatalog">A class marked with <see cref="FlagCatalogAttribute"/>.</typeparam>
    /// <returns>The catalog the class declares.</returns>
    /// <exception cref="ArgumentException">The class is not a valid catalog.</exception>
    public static FlagCatalog For<[DynamicallyAccessedMembers(CatalogMembers)] TCatalog>()
        where TCatalog : class
        => FromType(typeof(TCatalog));

    /// <summary>
    /// Gets the catalog a class declares. A class extended by the source generator has a public static
    /// <c>Catalog</c> property, which is used as is; otherwise the class is read by reflection: every
    /// <see langword="const"/> string field marked with <see cref="FlagAttribute"/>, in the class and its
    /// nested classes. The result is cached per type.
    /// </summary>
    /// <param name="catalogType">A class marked with <see cref="FlagCatalogAttribute"/>.</param>
    /// <returns>The catalog the class declares.</returns>
    /// <exception cref="ArgumentException">
    /// The type is not marked with <see cref="FlagCatalogAttribute"/>, or a flag's <c>Expires</c> is not a <c>yyyy-MM-dd</c> date.
    /// </exception>
    public static FlagCatalog FromType([DynamicallyAccessedMembers(CatalogMembers)] Type catalogType)
    {
        ArgumentNullException.ThrowIfNull(catalogType);
        if (ReflectedCatalogs.TryGetValue(catalogType, out var cached))
        {
            return cached;
        }

        // Not GetOrAdd(type, Reflect): the trimming annotations of the type would not flow through the delegate.
        return ReflectedCatalogs.GetOrAdd(catalogType, Reflect(catalogType));
    }

    private static FlagCatalog Reflect([DynamicallyAccessedMembers(CatalogMembers)] Type catalogType)
    {
        if (catalogType.GetCustomAttribute<FlagCatalogAttribute>() is null)
        {
            throw new ArgumentException(
                $"'{catalogType.FullName}' is not a flag catalog: mark it with [FlagCatalog].", nameof(catalogType));
        }

        // The generated property holds the same definitions, built without reading attributes.
        if (catalogType.GetProperty("Catalog", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly) is { } generated
            && generated.PropertyType == typeof(FlagCatalog)
            && generated.GetIndexParameters().Length == 0
            && generated.GetValue(null) is FlagCatalog catalog)
        {
            return catalog;
        }

        var definitions = new List<FlagDefinition>();
        CollectFlags(catalogType, definitions);
        return new FlagCatalog(catalogType.FullName ?? catalogType.Name, definitions);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The trimmer keeps a nested type that a *NestedTypes annotation reaches with all its members, so the nested classes' flag constants are there.")]
    private static void CollectFlags([DynamicallyAccessedMembers(FlagMembers)] Type type, List<FlagDefinition> definitions)
    {
        const BindingFlags Fields = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(Fields).OrderBy(f => f.MetadataToken))
        {
            var attribute = field.GetCustomAttribute<FlagAttribute>();
            if (attribute is null || !field.IsLiteral || field.GetRawConstantValue() is not string name)
            {
                continue;
            }

            if (attribute.VariantType is { } variantType)
            {
                // Binding a type found at run time needs reflection over it, which trimming and AOT break; generated code
                // binds the type it names statically.
                throw new ArgumentException(
                    $"{type.FullName}.{field.Name} declares VariantType = {variantType.Name}, which only the generated catalog binds: make the class partial so the source generator runs, "
                    + "or build the catalog with new FlagDefinition(..., variantType: FlagVariantType.Create<T>(...)).",
                    nameof(type));
            }

            definitions.Add(new FlagDefinition(
                name,
                attribute.Kind,
                ParseExpires(attribute.Expires, type, field),
                attribute.Owner,
                attribute.Description,
                attribute.RemovalIssue,
                attribute.Default));
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).OrderBy(t => t.MetadataToken))
        {
            CollectFlags(nested, definitions);
        }
    }

    private static DateOnly? ParseExpires(string? expires, Type type, FieldInfo field)
    {
        if (expires is null)
        {
            return null;
        }

        // The same parser as the analyzers' FF0004, so the build and the runtime agree on what a date is.
        if (IsoDate.TryParse(expires, out var date))
        {
            return DateOnly.FromDateTime(date);
        }

        throw new ArgumentException(
            $"{type.FullName}.{field.Name}: Expires '{expires}' is not a yyyy-MM-dd date.", nameof(type));
    }
}
