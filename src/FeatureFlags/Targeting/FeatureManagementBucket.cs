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

    /// <summary>That library's range rule: <paramref name="from"/> inclusive, <paramref name="to"/> exclusive, except that a range ending at 100 includes 100.</summary>
    public static bool IsInRange(double bucket, double from, double to) => bucket >= from && (bucket < to || to >= 100);

    /// <summary>The percentage, 0 to 100, of the id made of <paramref name="user"/>, <paramref name="suffix"/> and, when given, a line feed and <paramref name="group"/>.</summary>
    /// <param name="user">The user id's UTF-8 bytes (empty for an anonymous context).</param>
    /// <param name="suffix">A line feed and the flag's name or the seed, in UTF-8.</param>
    /// <param name="group">A group's name; null for none.</param>
    public static double PercentageOf(ReadOnlySpan<byte> user, ReadOnlySpan<byte> suffix, string? group)
    {
        var groupLength = group is null ? 0 : 1 + Encoding.UTF8.GetByteCount(group);
        var length = user.Length + suffix.Length + groupLength;
        byte[]? rented = null;
        var id = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            user.CopyTo(id);
            suffix.CopyTo(id[user.Length..]);
            if (group is not null)
            {
                var at = user.Length + suffix.Length;
                id[at] = (byte)'\n';
                Encoding.UTF8.GetBytes(group, id[(at + 1)..]);
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(id[..length], hash);
            return BinaryPrimitives.ReadUInt32LittleEndian(hash) / (double)uint.MaxValue * 100;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
