namespace FeatureFlags;

/// <summary>
/// Marks a <see langword="partial"/> class whose <see langword="const"/> string fields annotated with
/// <see cref="FlagAttribute"/> declare the application's flags.
/// </summary>
/// <remarks>
/// The class is not static so that it can be used as a type argument, as in
/// <c>TestFlags.AllOn&lt;Flags&gt;()</c>. The source generator shipped in the package adds typed access
/// and a reflection-free <see cref="FlagCatalog"/> to it.
/// </remarks>
/// <example>
/// <code>
/// [FlagCatalog]
/// public sealed partial class Flags
/// {
///     [Flag(FlagKind.Release, Expires = "2027-03-31", Owner = "team-checkout")]
///     public const string NewCheckout = "NewCheckout";
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FlagCatalogAttribute : Attribute
{
}
