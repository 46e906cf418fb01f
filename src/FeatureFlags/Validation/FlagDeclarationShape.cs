// Shared with the analyzers, the generator and (through the analyzers) the code fixes (netstandard2.0): keep to APIs that exist there.
namespace FeatureFlags.Validation;

/// <summary>
/// What a flag declaration looks like, in one place for every reader of one: the runtime's catalog, the analyzers,
/// the generator and the code fixes decode <c>[Flag]</c> by these names, and a test holds them to the attribute's
/// public shape.
/// </summary>
internal static class FlagDeclarationShape
{
    /// <summary>The metadata name of <c>[FlagCatalog]</c>.</summary>
    public const string CatalogAttributeMetadataName = "FeatureFlags.FlagCatalogAttribute";

    /// <summary>The metadata name of <c>[Flag]</c>.</summary>
    public const string FlagAttributeMetadataName = "FeatureFlags.FlagAttribute";

    /// <summary>The metadata name of <c>[FlagName]</c>, which marks a parameter that takes a flag's name.</summary>
    public const string FlagNameAttributeMetadataName = "FeatureFlags.FlagNameAttribute";

    /// <summary>The named argument that gives the expiry date, <c>yyyy-MM-dd</c>.</summary>
    public const string Expires = "Expires";

    /// <summary>The named argument that names the owning team or person.</summary>
    public const string Owner = "Owner";

    /// <summary>The named argument that describes the flag.</summary>
    public const string Description = "Description";

    /// <summary>The named argument that links the task that removes the flag.</summary>
    public const string RemovalIssue = "RemovalIssue";

    /// <summary>The named argument that gives the value when configuration is silent.</summary>
    public const string Default = "Default";

    /// <summary>The named argument that gives the type an experiment's variant values bind to (<c>typeof(ButtonStyle)</c>).</summary>
    public const string VariantType = "VariantType";

    /// <summary>The suffix of the generated property that reads the served variant's value (<c>flags.CheckoutButtonValue</c>).</summary>
    public const string ValueSuffix = "Value";

    /// <summary>The suffix of the generated property that reads an experiment's variant (<c>flags.CheckoutButtonVariant</c>).</summary>
    public const string VariantSuffix = "Variant";

    /// <summary>The <c>FlagKind</c> values by number, as the attribute's constructor argument carries them.</summary>
    public static readonly string[] KindNames = { "Release", "Experiment", "Ops", "Permission" };

    /// <summary>The kind's name for a constructor argument value, or null for a value outside the enum.</summary>
    public static string? KindName(int kind) => kind >= 0 && kind < KindNames.Length ? KindNames[kind] : null;

    /// <summary>Whether flags of the kind are temporary and must carry <see cref="Expires"/>: release and experiment flags.</summary>
    public static bool IsTemporary(int kind) => kind == 0 || kind == 1;

    /// <summary>Whether flags of the kind may serve variants: experiments.</summary>
    public static bool IsExperiment(int kind) => kind == 1;
}
