using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FeatureFlags.Targeting;

/// <summary>
/// Microsoft.FeatureManagement's bucketing, reproduced for the flags read from its schemas so that nobody's answer
/// changes on the day of the switch: the SHA-256 of the UTF-8 context id, its first four bytes as a little-endian
/// unsigned integer, scaled to a percentage from 0 to 100. A context id is the user id, a line feed and the flag's
/// name, then for a group's rollout a line feed and the group's name. This library's own flags keep its own hash.
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

        var groupBytes = group is null ? 0 : 1 + Encoding.UTF8.GetByteCount(group);
        var length = user.Length + flagSuffix.Length + groupBytes;
        byte[]? rented = null;
        var id = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            user.CopyTo(id);
            flagSuffix.CopyTo(id[user.Length..]);
            if (group is not null)
            {
                var at = user.Length + flagSuffix.Length;
                id[at] = (byte)'\n';
                Encoding.UTF8.GetBytes(group, id[(at + 1)..]);
            }

            return Percentage(id[..length]) < percentage;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The percentage, 0 to 100, of the id made of <paramref name="user"/> followed by <paramref name="suffix"/>.</summary>
    /// <param name="user">The user id's UTF-8 bytes.</param>
    /// <param name="suffix">A line feed and the seed (or the flag's name), in UTF-8.</param>
    public static double PercentageOf(ReadOnlySpan<byte> user, ReadOnlySpan<byte> suffix)
    {
        var length = user.Length + suffix.Length;
        byte[]? rented = null;
        var id = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            user.CopyTo(id);
            suffix.CopyTo(id[user.Length..]);
            return Percentage(id[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The id's percentage, 0 to 100.</summary>
    public static double Percentage(ReadOnlySpan<byte> id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(id, hash);
        return BinaryPrimitives.ReadUInt32LittleEndian(hash) / (double)uint.MaxValue * 100;
    }
}
