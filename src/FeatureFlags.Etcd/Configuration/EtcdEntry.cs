namespace FeatureFlags.Etcd.Configuration;

/// <summary>One flag's key in etcd: its value as stored and the revision that last changed it. Immutable.</summary>
/// <param name="Flag">The flag's name: the key without the prefix.</param>
/// <param name="Json">The value as stored, JSON by the documented layout.</param>
/// <param name="ModRevision">The store revision of the key's last change.</param>
internal sealed record EtcdEntry(string Flag, string Json, long ModRevision);
