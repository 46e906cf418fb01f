namespace FeatureFlags.CodeFixes.Removal;

/// <summary>The flag being removed, and the value every read of it becomes. Immutable.</summary>
internal sealed class RemovedFlag
{
    /// <param name="name">The flag's name in configuration.</param>
    /// <param name="memberName">The name of its constant, which the generated key and view members share.</param>
    /// <param name="keepOn">Whether reads become <see langword="true"/> (the flag's feature stays) or <see langword="false"/>.</param>
    /// <param name="variant">For an experiment kept on, the variant every context keeps being served; null for the control path.</param>
    public RemovedFlag(string name, string memberName, bool keepOn, string? variant = null)
    {
        Variant = variant;
        Name = name;
        MemberName = memberName;
        KeepOn = keepOn;
    }

    public string Name { get; }

    public string MemberName { get; }

    public bool KeepOn { get; }

    public string? Variant { get; }
}
