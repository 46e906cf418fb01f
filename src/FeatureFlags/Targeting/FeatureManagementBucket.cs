using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FeatureFlags.Targeting;

/// <summary>
/// Microsoft.FeatureManagement's bucketing, reproduced for the flags read from its schemas so that nobody's answer
/// changes on the day of the switch: the SHA-256 of the UTF-8 context id, its first four bytes as a little-endian
/// unsigned integer, scaled to a percentage from 0 to 100. A context id is the user id, a line feed and the flag's
/// name (or an allocation's seed), then for a group's rollout a line feed and the group's name. This library's own
/// flags keep its own hash.
/// </summary>
/// <remarks>Allocation-free: ids are assembled and hashed on the stack (rented from the pool when long).</remarks>
internal static class FeatureManagementBucket
{
    private const int StackLimit = 512;

    /// <summary>Whether the id of <paramref name="user"/>, the flag and <paramref name="group"/> falls in the first <paramref name="percentage"/> percent.</summary>
    /// <param name="percentage">0 to 100; 100 admits every id, as that library's edge case does.</param>
    /// <param name="user">The user id's UTF-8 bytes (empty for an anonymous context).</param>
    /// <param name="flagSuffix">A line feed and the flag's name, in UTF-8.</param>
    /// <param name="group">A group's name, appended after a line feed; null for the default rollout.</param>
    public static bool IsIn(double percentage, ReadOnlySpan<byte> user, ReadOnlySpan<byte> flagSuffix, string? group)
    {
        if (percentage >= 100)
        {
            return true;
        }

        if (group is null)
        {
            return IsInRange(PercentageOf(user, flagSuffix, []), 0, percentage);
        }

        var length = 1 + Encoding.UTF8.GetByteCount(group);
        byte[]? rented = null;
        var groupSuffix = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            groupSuffix[0] = (byte)'\n';
            Encoding.UTF8.GetBytes(group, groupSuffix[1..]);
            return IsInRange(PercentageOf(user, flagSuffix, groupSuffix[..length]), 0, percentage);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>That library's range rule: <paramref name="from"/> inclusive, <paramref name="to"/> exclusive, except that a range ending at 100 includes 100.</summary>
    public static bool IsInRange(double bucket, double from, double to) => bucket >= from && (bucket < to || to >= 100);

    /// <summary>The percentage, 0 to 100, of the id made of <paramref name="user"/>, <paramref name="suffix"/> and <paramref name="more"/>.</summary>
    /// <param name="user">The user id's UTF-8 bytes.</param>
    /// <param name="suffix">A line feed and the flag's name or the seed, in UTF-8.</param>
    /// <param name="more">What follows, such as a line feed and a group's name; empty for nothing.</param>
    public static double PercentageOf(ReadOnlySpan<byte> user, ReadOnlySpan<byte> suffix, ReadOnlySpan<byte> more)
    {
        var length = user.Length + suffix.Length + more.Length;
        byte[]? rented = null;
        var id = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            user.CopyTo(id);
            suffix.CopyTo(id[user.Length..]);
            more.CopyTo(id[(user.Length + suffix.Length)..]);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(id[..length], hash);
            return BinaryPrimitives.ReadUInt32LittleEndian(hash) / (double)uint.MaxValue * 100;
        }
        finally
        {
            Return(rented);
        }
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
