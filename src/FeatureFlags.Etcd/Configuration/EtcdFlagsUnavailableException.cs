namespace FeatureFlags.Etcd;

/// <summary>
/// Thrown at start when etcd cannot be read and <see cref="EtcdFlagsOptions.StartWithoutEtcd"/> is not set. The message
/// names the endpoints and the prefix.
/// </summary>
public sealed class EtcdFlagsUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be read, from where.</param>
    /// <param name="innerException">The client's error.</param>
    public EtcdFlagsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
