using System.Text;

namespace FeatureFlags.Targeting;

/// <summary>
/// One flag's (or one allocation's) Microsoft.FeatureManagement buckets, remembered per user and group. That library's
/// SHA-256 costs hundreds of nanoseconds, this library's own hash ten, and a user's bucket never changes: so a read
/// for a user met recently costs a lookup, not a hash, and the answer is the same either way.
/// </summary>
/// <remarks>
/// <para>
/// A fixed table of <see cref="SlotCount"/> slots, indexed by the hashes the context computed of its key and groups when
/// it was made (this process's randomized string hashes); a newer user takes an older one's slot. Reads allocate nothing and take no lock: each slot carries a version, odd while
/// a writer fills it (a sequence lock), so a reader that meets a slot being written, or written while it read, hashes
/// instead of trusting what it saw. A writer that finds the slot taken by another writer leaves it.
/// </para>
/// <para>Thread-safe. About 32 KB per cache, made with the table the flag belongs to and dropped with it.</para>
/// </remarks>
internal sealed class FeatureManagementBucketCache
{
    /// <summary>How many (user, group) buckets one flag remembers: a power of two.</summary>
    public const int SlotCount = 1024;

    private readonly Slot[] _slots;

    private int _hashes;

    // "\n" + the flag's name or the seed, in UTF-8: every context id ends with it (a group's adds "\n" + the group).
    private readonly byte[] _suffix;

    /// <param name="flagOrSeed">The flag's name for a targeting audience; the seed for an allocation.</param>
    /// <param name="slotCount">A power of two; fewer than <see cref="SlotCount"/> only in tests, to make slots change hands often.</param>
    public FeatureManagementBucketCache(string flagOrSeed, int slotCount = SlotCount)
    {
        if (slotCount <= 0 || (slotCount & (slotCount - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount), slotCount, "A power of two.");
        }

        _slots = new Slot[slotCount];
        _suffix = Encoding.UTF8.GetBytes("\n" + flagOrSeed);
    }

    /// <summary>How many reads hashed (met no bucket remembered); for tests, as the answers are the same either way.</summary>
    internal int Hashes => Volatile.Read(ref _hashes);

    /// <summary>Whether <paramref name="context"/>'s bucket for <paramref name="group"/> falls in the first <paramref name="percentage"/> percent.</summary>
    /// <param name="percentage">0 to 100; 0 admits nobody and 100 everybody, without hashing (the range rule's edges).</param>
    /// <param name="context">Who the flag is read for.</param>
    /// <param name="group">The index of a group in the context's groups, for that group's rollout; -1 for the default rollout.</param>
    public bool IsIn(double percentage, EvaluationContext context, int group = -1) =>
        percentage >= 100 || (percentage > 0 && FeatureManagementBucket.IsInRange(PercentageOf(context, group), 0, percentage));

    /// <summary>The bucket, 0 to 100, of <paramref name="context"/>'s user (and of its group at <paramref name="group"/>, when not -1).</summary>
    public double PercentageOf(EvaluationContext context, int group = -1)
    {
        // An anonymous context hashes an empty user id, as an empty key does: one bucket for both.
        var user = context.Key ?? string.Empty;
        var (groupName, groupHash) = group < 0 ? (null, 0) : (context.GroupArray[group], context.GroupHashes[group]);
        ref var slot = ref _slots[HashCode.Combine(context.KeyHash, groupHash) & (_slots.Length - 1)];

        var version = Volatile.Read(ref slot.Version);
        if ((version & 1) == 0)
        {
            // Volatile reads keep the second read of the version after these: a slot rewritten meanwhile shows a new version.
            var cachedUser = Volatile.Read(ref slot.User);
            var cachedGroup = Volatile.Read(ref slot.Group);
            var cached = Volatile.Read(ref slot.Percentage);
            if (Volatile.Read(ref slot.Version) == version && cachedUser is not null &&
                string.Equals(cachedUser, user, StringComparison.Ordinal) && string.Equals(cachedGroup, groupName, StringComparison.Ordinal))
            {
                return cached;
            }
        }

        var percentage = FeatureManagementBucket.PercentageOf(context.KeyUtf8, _suffix, groupName);
        Interlocked.Increment(ref _hashes);
        if ((version & 1) == 0 && Interlocked.CompareExchange(ref slot.Version, version + 1, version) == version)
        {
            // The exchange is a full fence: nobody sees these writes before the odd version, and the release below
            // publishes them all before the even one.
            Volatile.Write(ref slot.User, user);
            Volatile.Write(ref slot.Group, groupName);
            Volatile.Write(ref slot.Percentage, percentage);
            Volatile.Write(ref slot.Version, version + 2);
        }

        return percentage;
    }

    private struct Slot
    {
        public int Version;
        public string? User;
        public string? Group;
        public double Percentage;
    }
}
