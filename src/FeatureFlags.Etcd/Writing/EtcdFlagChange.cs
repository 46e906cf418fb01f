namespace FeatureFlags.Etcd;

/// <summary>One flag to write, and the revision the writer expects it to have. Immutable.</summary>
/// <param name="Flag">The flag's name.</param>
/// <param name="Json">The new value, in the configuration schema's JSON: <c>true</c>, <c>{ "Enabled": true, "Rollout": 10 }</c>.</param>
/// <param name="ExpectedRevision">
/// The key's <see cref="EtcdFlagValue.ModRevision"/> as last read; 0 to create a flag that must not exist yet. The write
/// fails with <see cref="EtcdFlagConflictException"/> when the key has changed since.
/// </param>
public sealed record EtcdFlagChange(string Flag, string Json, long ExpectedRevision);
