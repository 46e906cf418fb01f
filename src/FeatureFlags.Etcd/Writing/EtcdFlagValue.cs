namespace FeatureFlags.Etcd;

/// <summary>A flag's value as etcd holds it, and the revision to name when changing it. Immutable.</summary>
/// <param name="Flag">The flag's name.</param>
/// <param name="Json">The value as stored, or <see langword="null"/> when the key does not exist.</param>
/// <param name="ModRevision">The revision of the key's last change; 0 when it does not exist.</param>
public sealed record EtcdFlagValue(string Flag, string? Json, long ModRevision);
