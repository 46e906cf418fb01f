namespace FeatureFlags.Analyzers.Json;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}
