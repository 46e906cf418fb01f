// Shared by the xunit v2 and v3 adapters (see FlagMatrixAttribute.cs): the serialization interfaces have
// the same shape in both, in different namespaces.
#if XUNIT_V3
using Xunit.Sdk;
#else
using Xunit.Abstractions;
#endif

namespace FeatureFlags.Testing;

/// <summary>
/// A matrix case xunit can serialize: with serializable theory data, xunit lists every case as its own
/// test at discovery, so the test explorer shows each by name before it runs. What is serialized is
/// how to rebuild the case (catalog type, environment, content root, section, planned flags, case name), not
/// the snapshot; deserializing reads the settings again.
/// </summary>
internal sealed class XunitFlagMatrixCase : FlagMatrixCase, IXunitSerializable
{
    private const char Separator = '\n';
    private Source? _source;

    /// <summary>For xunit's serializer only (it requires a public parameterless constructor).</summary>
    public XunitFlagMatrixCase()
    {
    }

    public XunitFlagMatrixCase(FlagMatrixCase matrixCase, Source source)
        : base(matrixCase.Name, matrixCase.Kind, matrixCase.PlannedFlag, matrixCase.Snapshot)
    {
        _source = source;
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var source = _source!;
        info.AddValue("catalog", source.CatalogType.AssemblyQualifiedName);
        info.AddValue("environment", source.EnvironmentName);
        info.AddValue("contentRoot", source.ContentRoot ?? string.Empty);
        info.AddValue("section", source.SectionName ?? string.Empty);

        // Flag names cannot hold a line break, so one string carries the list on every xunit version.
        info.AddValue("planned", string.Join(Separator, source.PlannedFlags));
        info.AddValue("name", Name);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var planned = Text(info, "planned");
        _source = new Source(
            Type.GetType(Text(info, "catalog"), throwOnError: true)!,
            Text(info, "environment"),
            NullIfEmpty(Text(info, "contentRoot")),
            NullIfEmpty(Text(info, "section")),
            planned.Length == 0 ? [] : planned.Split(Separator));
        var name = Text(info, "name");

        var match = _source.Cases().FirstOrDefault(c => c.Name == name)
            ?? throw new InvalidOperationException(
                $"The flag matrix no longer has the case '{name}': the settings or planned flags changed since the tests were discovered. Discover the tests again.");
        Initialize(match.Name, match.Kind, match.PlannedFlag, match.Snapshot);
    }

    // Cases serialized by an earlier version have no section; xunit gives null for a missing value.
    private static string Text(IXunitSerializationInfo info, string key) => info.GetValue<string>(key) ?? string.Empty;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>What a matrix is built from: all that is serialized, and all that is needed to build it again.</summary>
    internal sealed record Source(Type CatalogType, string EnvironmentName, string? ContentRoot, string? SectionName, string[] PlannedFlags)
    {
        public IReadOnlyList<FlagMatrixCase> Cases() => FlagMatrix.For(
            FlagCatalog.FromType(CatalogType),
            EnvironmentName,
            ContentRoot,
            SectionName is null ? null : new FeatureFlagsOptions { SectionName = SectionName },
            PlannedFlags);
    }
}
