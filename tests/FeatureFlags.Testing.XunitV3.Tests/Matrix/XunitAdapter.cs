using System.Reflection;
using Xunit.Sdk;

namespace FeatureFlags.Testing.Xunit.Tests.Matrix;

/// <summary>What xunit v3 does with a data attribute's rows: enumerate them, serialize them for discovery.</summary>
internal static class XunitAdapter
{
    private static readonly MethodInfo AnyMethod = typeof(XunitAdapter).GetMethod(nameof(Rows), BindingFlags.Public | BindingFlags.Static)!;

    public static List<object?[]> Rows(FlagMatrixAttribute attribute)
    {
        attribute.SupportsDiscoveryEnumeration().ShouldBeTrue();
        return attribute.GetData(AnyMethod, new DisposalTracker()).AsTask().GetAwaiter().GetResult().Select(r => r.GetData()).ToList();
    }

    public static bool IsSerializable(object value) => SerializationHelper.Instance.IsSerializable(value);

    public static string Serialize(FlagMatrixCase value) => SerializationHelper.Instance.Serialize(value);

    public static FlagMatrixCase Deserialize(string serialized) => SerializationHelper.Instance.Deserialize<FlagMatrixCase>(serialized)!;

    public static FlagMatrixCase RoundTrip(FlagMatrixCase value) => Deserialize(Serialize(value));
}
