namespace FeatureFlags;

/// <summary>
/// Marks a <see cref="string"/> parameter that expects the name of a declared flag. The analyzers
/// report FF0005 when a constant passed to such a parameter names no declared flag.
/// </summary>
/// <remarks>Libraries that wrap the flag APIs can mark their own parameters the same way.</remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class FlagNameAttribute : Attribute
{
}
