namespace FeatureFlags.Generators.Model;

/// <summary>
/// Everything the emitter needs for one catalog class, as plain, value-equal data (no symbols), so
/// that an edit elsewhere in the compilation leaves the generated source cached.
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Types">The catalog class and the types that contain it, outermost first.</param>
/// <param name="CatalogName">The catalog's name at run time: the type's full metadata name, as reflection gives it.</param>
/// <param name="Flags">The declared flags in declaration order, nested classes after the class's own fields.</param>
/// <param name="Diagnostics">What to report about the catalog.</param>
/// <param name="CanGenerate">False when the catalog cannot be extended (not partial, or a generated member name is taken).</param>
internal sealed record CatalogModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> Types,
    string CatalogName,
    EquatableArray<EmittedFlag> Flags,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool CanGenerate);
