using Microsoft.CodeAnalysis;

namespace FeatureFlags.Generators;

/// <summary>
/// The generator's own diagnostics, FF0100–FF0199, kept apart from the analyzers' FF0001–FF0099.
/// FF0100-FF0102 are warnings: the catalog still works at run time, read by reflection, without the typed
/// members. FF0103 is an error: the runtime would refuse the catalog at start-up.
/// </summary>
internal static class GeneratorDiagnostics
{
    private const string Category = "FeatureFlags.Generator";
    private const string HelpRoot = "https://github.com/featureflags-dotnet/FeatureFlags/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor CatalogNotPartial = new(
        id: "FF0100",
        title: "A flag catalog must be partial to get generated members",
        messageFormat: "The flag catalog '{0}' gets no generated Catalog, Keys or View: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generator adds members to [FlagCatalog] classes, so the class and every type containing it must be declared partial. Without them the catalog is read by reflection and has no typed access.",
        helpLinkUri: HelpRoot + "FF0100.md");

    public static readonly DiagnosticDescriptor NoTypedMember = new(
        id: "FF0101",
        title: "A flag gets no typed member",
        messageFormat: "The flag constant '{0}' gets no member in Keys and View: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Keys and View name their members after the flag's const field. A field named Catalog, Keys, View or For, or two flag fields of one name in the catalog's nested classes, cannot each have a member; the flag stays in the Catalog.",
        helpLinkUri: HelpRoot + "FF0101.md");

    public static readonly DiagnosticDescriptor MemberNameTaken = new(
        id: "FF0102",
        title: "A flag catalog already declares a member the generator adds",
        messageFormat: "The flag catalog '{0}' declares a member named '{1}', which the generator adds; nothing is generated for it",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The generator adds Catalog, Keys, For and View to each [FlagCatalog] class. Rename the catalog's own member so the generated ones fit.",
        helpLinkUri: HelpRoot + "FF0102.md");

    public static readonly DiagnosticDescriptor InvalidFlagName = new(
        id: "FF0103",
        title: "A flag's name is not a valid flag name",
        messageFormat: "The flag constant '{0}' is not usable: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A flag's name (the constant's value) is a configuration key: letters, digits, '.', '_' and '-', not empty and not digits alone. The runtime refuses any other name when the catalog is registered, so the build stops here instead.",
        helpLinkUri: HelpRoot + "FF0103.md");
}
