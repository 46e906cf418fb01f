namespace FeatureFlags.Generators.Model;

/// <summary>One declared flag, as the emitter needs it.</summary>
/// <param name="MemberName">The const field's name: the name of its members in <c>Keys</c> and <c>View</c>.</param>
/// <param name="NameExpression">C# for the flag's name: a reference to the const field, or its literal when the field is not accessible from the catalog.</param>
/// <param name="Name">The flag's name in configuration (the const's value).</param>
/// <param name="Kind">The <c>FlagKind</c> value.</param>
/// <param name="Expires">The expiry as <c>yyyy-MM-dd</c>, or null when absent or malformed (FF0004 reports that).</param>
/// <param name="Owner">The declared owner.</param>
/// <param name="Description">The declared description.</param>
/// <param name="RemovalIssue">The declared removal link.</param>
/// <param name="Default">The declared default value.</param>
/// <param name="VariantType">The declared variant type, fully qualified, or null when none (or it is not usable from the catalog).</param>
/// <param name="VariantTypeIsReference">Whether <paramref name="VariantType"/> is a reference type, whose generated property is nullable.</param>
/// <param name="HasTypedMembers">Whether the flag gets members in <c>Keys</c> and <c>View</c> (false when its name collides; FF0101).</param>
internal sealed record EmittedFlag(
    string MemberName,
    string NameExpression,
    string Name,
    int Kind,
    string? Expires,
    string? Owner,
    string? Description,
    string? RemovalIssue,
    bool Default,
    string? VariantType,
    bool VariantTypeIsReference,
    bool HasTypedMembers)
{
    /// <summary>Experiment flags serve variants; they get a <c>…Variant</c> member too.</summary>
    public bool IsExperiment => Kind == 1;
}
