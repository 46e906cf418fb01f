using System.Reflection;
using Xunit.Sdk;

namespace FeatureFlags.Testing.Xunit.Tests.Matrix;

/// <summary>What xunit v2 does with a data attribute's rows: enumerate them, serialize them for discovery.</summary>
internal static class XunitAdapter
{
    private static readonly MethodInfo AnyMethod = typeof(XunitAdapter).GetMethod(nameof(Rows), BindingFlags.Public | BindingFlags.Static)!;

    public static List<object?[]> Rows(FlagMatrixAttribute attribute) => attribute.GetData(AnyMethod).Select(r => (object?[])r).ToList();

    public static bool IsSerializable(object value) => SerializationHelper.IsSerializable(value);

    public static string Serialize(FlagMatrixCase value) => SerializationHelper.Serialize(value);

    public static FlagMatrixCase Deserialize(string serialized) => SerializationHelper.Deserialize<FlagMatrixCase>(serialized);

    public static FlagMatrixCase RoundTrip(FlagMatrixCase value) => Deserialize(Serialize(value));
}
