using Microsoft.Extensions.Configuration;

namespace FeatureFlags;

/// <summary>
/// The type an experiment's variant values bind to, with the code that binds them. The generated catalog creates one for
/// a flag declared with <see cref="FlagAttribute.VariantType"/>, binding through Microsoft.Extensions.Configuration.Binder
/// in the application's own code, where the trimmer and the binder's source generator can see the type. Immutable and thread-safe.
/// </summary>
public sealed class FlagVariantType
{
    private readonly Func<IConfiguration, object?> _bind;

    private FlagVariantType(Type type, Func<IConfiguration, object?> bind)
    {
        Type = type;
        _bind = bind;
    }

    /// <summary>Gets the type values bind to.</summary>
    public Type Type { get; }

    /// <summary>Creates the variant type <typeparamref name="T"/>, bound by <paramref name="bind"/>.</summary>
    /// <typeparam name="T">The type of the variants' values.</typeparam>
    /// <param name="bind">
    /// Binds one value, given as a configuration section, such as
    /// <c>section =&gt; section.Get&lt;T&gt;(o =&gt; o.ErrorOnUnknownConfiguration = true)</c>. It runs once per value when a
    /// table is compiled; an exception it throws is a configuration error at the value's path.
    /// </param>
    /// <returns>The variant type.</returns>
    public static FlagVariantType Create<T>(Func<IConfiguration, T?> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        return new FlagVariantType(typeof(T), configuration => bind(configuration));
    }

    /// <summary>Binds one value.</summary>
    internal object? Bind(IConfiguration value) => _bind(value);

    /// <inheritdoc />
    public override string ToString() => Type.Name;
}
