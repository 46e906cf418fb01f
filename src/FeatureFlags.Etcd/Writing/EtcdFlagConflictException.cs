namespace FeatureFlags.Etcd;

/// <summary>
/// Thrown when a write names a revision that a flag no longer has: somebody else changed it since it was read. Nothing
/// was written; read the flag again and decide.
/// </summary>
public sealed class EtcdFlagConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="flags">The flags whose revision differed, with the revision expected and the one found.</param>
    public EtcdFlagConflictException(IReadOnlyList<(string Flag, long Expected, long Actual)> flags)
        : base("Nothing was written: " + string.Join("; ", flags.Select(f => $"'{f.Flag}' is at revision {f.Actual}, not {f.Expected}")) + ". Somebody changed it since it was read; read it again.")
    {
        Flags = flags.Select(f => f.Flag).ToArray();
    }

    /// <summary>Gets the flags that had changed.</summary>
    public IReadOnlyList<string> Flags { get; }
}
