namespace FeatureFlags;

/// <summary>
/// Declares a flag on a <see langword="const"/> string field of a <see cref="FlagCatalogAttribute"/> class.
/// The constant's value is the flag's name in configuration.
/// </summary>
/// <remarks>
/// Release and experiment flags are temporary and must carry <see cref="Expires"/>; the analyzers
/// shipped in the package fail the build once that date has passed.
/// </remarks>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class FlagAttribute : Attribute
{
    /// <summary>Declares a flag of the given kind.</summary>
    /// <param name="kind">The flag's category.</param>
    public FlagAttribute(FlagKind kind)
    {
        Kind = kind;
    }

    /// <summary>Gets the flag's category.</summary>
    public FlagKind Kind { get; }

    /// <summary>Gets or sets the last day the flag may exist, as an ISO date <c>yyyy-MM-dd</c>.</summary>
    public string? Expires { get; set; }

    /// <summary>Gets or sets the team or person answerable for the flag.</summary>
    public string? Owner { get; set; }

    /// <summary>Gets or sets what the flag turns on, for people reading diagnostics and dashboards.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets a link to the task that removes the flag.</summary>
    public string? RemovalIssue { get; set; }

    /// <summary>Gets or sets the value used when configuration says nothing about the flag. <see langword="false"/> unless set.</summary>
    public bool Default { get; set; }

    /// <summary>
    /// Gets or sets the type an experiment's variant values bind to, such as <c>typeof(ButtonStyle)</c>. The generated
    /// catalog binds each configured value to it once per reload (a value that does not bind stops start-up) and gives the
    /// flag a typed <c>…Value</c> property.
    /// </summary>
    public Type? VariantType { get; set; }
}
