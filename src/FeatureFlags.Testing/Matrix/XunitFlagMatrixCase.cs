using Xunit.Abstractions;

namespace FeatureFlags.Testing;

/// <summary>
/// A matrix case xunit can serialize: with serializable theory data, xunit lists every case as its own
/// test at discovery, so the test explorer shows each by name before it runs. What is serialized is
/// how to rebuild the case (catalog type, environment, content root, planned flags, case name), not
/// the snapshot; deserializing reads the settings again.
/// </summary>
internal sealed class XunitFlagMatrixCase : FlagMatrixCase, IXunitSerializable
{
    private const char Separator = '\n';
    private Type? _catalogType;
    private string _environmentName = string.Empty;
    private string? _contentRoot;
    private string[] _plannedFlags = [];

    /// <summary>For xunit's serializer only (it requires a public parameterless constructor).</summary>
    public XunitFlagMatrixCase()
    {
    }

    public XunitFlagMatrixCase(FlagMatrixCase source, Type catalogType, string environmentName, string? contentRoot, string[] plannedFlags)
        : base(source.Name, source.Kind, source.PlannedFlag, source.Snapshot)
    {
        _catalogType = catalogType;
        _environmentName = environmentName;
        _contentRoot = contentRoot;
        _plannedFlags = plannedFlags;
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue("catalog", _catalogType!.AssemblyQualifiedName);
        info.AddValue("environment", _environmentName);
        info.AddValue("contentRoot", _contentRoot ?? string.Empty);

        // Flag names cannot hold a line break, so one string carries the list on every xunit version.
        info.AddValue("planned", string.Join(Separator, _plannedFlags));
        info.AddValue("name", Name);
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var catalogTypeName = info.GetValue<string>("catalog");
        _catalogType = Type.GetType(catalogTypeName, throwOnError: true)!;
        _environmentName = info.GetValue<string>("environment");
        var contentRoot = info.GetValue<string>("contentRoot");
        _contentRoot = contentRoot.Length == 0 ? null : contentRoot;
        var planned = info.GetValue<string>("planned");
        _plannedFlags = planned.Length == 0 ? [] : planned.Split(Separator);
        var name = info.GetValue<string>("name");

        var match = FlagMatrix.For(FlagCatalog.FromType(_catalogType), _environmentName, _contentRoot, _plannedFlags)
            .FirstOrDefault(c => c.Name == name)
            ?? throw new InvalidOperationException(
                $"The flag matrix no longer has the case '{name}': the settings or planned flags changed since the tests were discovered. Discover the tests again.");
        Initialize(match.Name, match.Kind, match.PlannedFlag, match.Snapshot);
    }
}
