namespace FeatureFlags;

/// <summary>
/// Implemented by an <see cref="Microsoft.Extensions.Configuration.IConfigurationProvider"/> to tell FeatureFlags
/// how to name it and its keys where a flag's value is explained (<see cref="FlagEvaluation.Sources"/>, the change
/// log, error messages): <c>/featureflags/Production/NewCheckout (revision 42) in etcd</c> rather than the
/// configuration path.
/// </summary>
/// <remarks>
/// <para>
/// Providers that do not implement it are named from their public API: a file provider by its file name,
/// environment variables, the command line and in-memory collections by what they are, any other provider by
/// its <see cref="object.ToString"/>.
/// </para>
/// <para>
/// A provider that implements this interface and also <see cref="IEnumerable{T}"/> of
/// <see cref="KeyValuePair{TKey, TValue}"/> of <see cref="string"/> and nullable <see cref="string"/>, listing
/// exactly the keys and values it serves through <c>TryGet</c>, is read in one pass on every reload. Other
/// providers are walked through <c>GetChildKeys</c> and <c>TryGet</c>, which costs a scan of the provider's keys
/// for every flag given as an object.
/// </para>
/// <para>Members are called on reload threads, possibly concurrently with the provider's own reload: implementations must be thread-safe.</para>
/// </remarks>
public interface IConfigurationProvenance
{
    /// <summary>Gets the name people know the source by, such as <c>etcd</c> or <c>appsettings.json</c>.</summary>
    string SourceName { get; }

    /// <summary>
    /// Gets the key as this source writes it for a configuration path, such as
    /// <c>/featureflags/Production/NewCheckout (revision 42)</c> for <c>FeatureFlags:NewCheckout</c>.
    /// </summary>
    /// <param name="path">A configuration path this provider serves or lies above, with <c>:</c> between segments.</param>
    /// <returns>The key as written in the source; never <see langword="null"/>.</returns>
    string KeyOf(string path);
}
